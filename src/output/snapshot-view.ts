import type {SnapshotOrigin, SnapshotSummary} from '../core/snapshot-summary.js'
import type {Style} from './style.js'

/** A short account of a snapshot just written: where from, what it holds, and what could not be read. */
export function renderSnapshotSummary(dir: string, index: SnapshotOrigin, summary: SnapshotSummary, style: Style): string {
  const lines = [`${style.bold('Snapshot')} ${dir} (taken ${index.takenAt})`]
  if (index.context) lines.push(`  context  ${index.context.name} (${index.context.server})`)
  lines.push(`  region   ${index.region ?? '-'}    EKS cluster  ${index.eksCluster ?? '-'}`, '')
  const width = Math.max(...[...summary.captured, ...summary.noted, ...summary.failed].map((item) => item.call.length))
  for (const {call, count} of summary.captured) {
    lines.push(count === null ? `  ${style.green('ok')}      ${call}` : `  ${style.green('ok')}      ${call.padEnd(width)}  ${count}`)
  }

  for (const {call, note} of summary.noted) lines.push(`  ${style.yellow('note')}    ${call.padEnd(width)}  ${note}`)
  for (const {call, error} of summary.failed) lines.push(`  ${style.red('failed')}  ${call.padEnd(width)}  ${error.message}`)
  const total = summary.captured.length + summary.noted.length + summary.failed.length
  lines.push('', `${summary.captured.length} of ${total} calls captured; share it with: tar czf ${dir}.tgz ${dir}`)
  return `${lines.join('\n')}\n`
}
