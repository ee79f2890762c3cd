import type {Evidence, FindingResource, Severity} from './check.js'
import type {DoctorClusterInfo} from './doctor-input.js'
import type {IpSummary} from './ip-summary.js'

export interface Finding {
  /** Link to the check's section of docs/checks.md. */
  docs: string
  evidence: Evidence
  id: string
  message: string
  remedy: string
  resource: FindingResource
  severity: Severity
  title: string
}

/** A check that did not run (or ran in part), once, with the reads it lacked: "could not check: needs PERMISSION, ...". */
export interface NotChecked {
  /** The first of `calls` (kept for consumers of schema 1). */
  call: string
  /** Every call that was refused or failed: `ec2:DescribeSubnets`, `kubernetes:list pods`. */
  calls: string[]
  id: string
  /** True when the check ran without these optional reads and checked less. */
  partial: boolean
  /** The first of `permissions`, or null when no lacking call named one. */
  permission: null | string
  permissions: string[]
  reason: string
  title: string
}

/** The doctor document, as `--json` prints it (the contract in docs/cli-contract.md). */
export interface DoctorReport {
  /** IDs of the checks that ran. */
  checked: string[]
  cluster: DoctorClusterInfo & {cniVersion: null | string; kubernetesVersion: null | string}
  findings: Finding[]
  /** null when the reads it totals were not all answered. */
  ipSummary: IpSummary | null
  /** Why ipSummary is null: the reads it totals that were refused or failed. */
  ipSummaryNotBuilt: null | {calls: string[]; permissions: string[]; reason: string}
  notChecked: NotChecked[]
  schemaVersion: 1
  summary: Record<Severity, number>
}
