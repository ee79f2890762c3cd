import type {MaxPodsReport} from '../core/max-pods/max-pods-report.js'

/** One type: the number alone, for `$(vpccni max-pods m5.large)`. Several: `TYPE<TAB>N` lines. */
export function renderMaxPodsPlain(report: MaxPodsReport): string {
  if (report.results.length === 1) return String(report.results[0].maxPods)
  return report.results.map((r) => `${r.instanceType}\t${r.maxPods}`).join('\n')
}
