import type {ClusterCallName} from '../cluster-source.js'
import {type RecordedError, SNAPSHOT_CALLS, type SnapshotIndex} from './snapshot-format.js'

/** What a snapshot holds, call by call, in the order SNAPSHOT_CALLS lists them. */
export interface SnapshotSummary {
  /** Calls that brought data (an EKS note or an empty subnet question brings none). */
  captured: Array<{call: ClusterCallName; count: null | number}>
  failed: Array<{call: ClusterCallName; error: RecordedError}>
  noted: Array<{call: ClusterCallName; note: string}>
}

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
