import type {CompatReason} from '../core/compat/compat-reason.js'
import type {CompatReport} from '../core/compat/evaluate-compat.js'
import {wrapProse} from './fit-columns.js'
import type {Style} from './style.js'

const LABEL = {error: 'error', info: 'ok', warning: 'warning'} as const

/** A warning as one stderr line: the rule, the finding and its source. */
export function renderCompatWarning(reason: CompatReason): string {
  return `${reason.rule}: ${reason.message} (source: ${reason.source})`
}

/** The verdict, then each error and met check with its rule and source; warnings go to stderr separately. The feature list wraps to `width`. */
export function renderCompat(report: CompatReport, style: Style, width?: number): string {
  const verdict = {compatible: style.green('compatible'), incompatible: style.red('incompatible'), unknown: style.yellow('unknown')}[report.verdict]
  const lines = [`${verdict}: VPC CNI ${report.cniVersion} on Kubernetes ${report.kubernetesVersion}`]
  for (const reason of report.reasons.filter((r) => r.severity !== 'warning')) {
    const label = LABEL[reason.severity].padEnd(7)
    lines.push(`  ${reason.severity === 'error' ? style.red(label) : label}${reason.rule}: ${reason.message}`, style.dim(`         source: ${reason.source}`))
  }

  const available = report.features.filter((f) => f.available).map((f) => f.title)
  if (available.length > 0) lines.push(...wrapProse(available.join(', '), '  features: ', width))
  lines.push(style.dim(`  release data of ${report.dataGeneratedAt}`))
  return lines.join('\n')
}
