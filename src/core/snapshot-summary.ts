/** Where a snapshot came from, as its index records it (a snapshot names where it came from, never who asked). */
export interface SnapshotOrigin {
  context: null | {name: string; server: string}
  eksCluster: null | string
  region: null | string
  /** ISO 8601, given by the command that took it. */
  takenAt: string
}

/** What a snapshot holds, call by call, in the order the snapshot format lists its calls. */
export interface SnapshotSummary {
  /** Calls that brought data (an EKS note or an empty subnet question brings none). */
  captured: Array<{call: string; count: null | number}>
  failed: Array<{call: string; error: {hint: null | string; message: string}}>
  noted: Array<{call: string; note: string}>
}
