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

/** A check that did not run (or ran in part), and the read it lacked: "could not check: needs PERMISSION". */
export interface NotChecked {
  /** The call that was refused or failed: `ec2:DescribeSubnets`, `kubernetes:list pods`. */
  call: string
  id: string
  /** True when the check ran without this optional read and checked less. */
  partial: boolean
  permission: null | string
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
  notChecked: NotChecked[]
  schemaVersion: 1
  summary: Record<Severity, number>
}
