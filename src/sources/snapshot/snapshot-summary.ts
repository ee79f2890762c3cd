import type {SnapshotSummary} from '../../core/snapshot-summary.js'
import {SNAPSHOT_CALLS, type SnapshotIndex} from './snapshot-format.js'

/** The index's calls sorted into captured, noted (an EKS answer that says why it gave none) and failed. */
export function summarizeSnapshot(index: SnapshotIndex): SnapshotSummary {
  const summary: SnapshotSummary = {captured: [], failed: [], noted: []}
  for (const call of SNAPSHOT_CALLS) {
    const entry = index.calls[call]
    if (!entry) continue
    if (!entry.ok) summary.failed.push({call, error: entry.error})
    else if (entry.note !== null) summary.noted.push({call, note: entry.note})
    else if (!isEmptyQuestion(entry.args)) summary.captured.push({call, count: entry.count})
  }

  return summary
}

/** A by-id call asked about no ids answers without asking anyone: it shows nothing was read. */
function isEmptyQuestion(args: Record<string, unknown>): boolean {
  const ids = args.subnetIds ?? args.instanceIds
  return Array.isArray(ids) && ids.length === 0
}
