import type {DoctorFacts, DoctorReads, ReadName} from './doctor-input.js'

export type Severity = 'error' | 'info' | 'warning'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

export interface FindingResource {
  kind: string
  name: string
  namespace?: string
}

/** Numbers (and short facts) that prove a finding: what a CI job or a dashboard can read without parsing the message. */
export type Evidence = Record<string, boolean | null | number | number[] | string | string[]>

/** What a check reports; the runner adds the ID, title, docs link and any severity override. */
export interface CheckFinding {
  evidence: Evidence
  message: string
  remedy: string
  resource: FindingResource
  severity: Severity
}

/**
 * What a check is given: the reads it needs (N), all answered; those it can use (O), when they answered;
 * and the facts every check may use.
 */
export interface CheckInput<N extends ReadName, O extends ReadName = never> {
  facts: DoctorFacts
  reads: Pick<DoctorReads, N> & Partial<Pick<DoctorReads, O>>
}

/** A check is a pure function of its input: no I/O, clock or environment. */
export type CheckFunction<N extends ReadName, O extends ReadName = never> = (input: CheckInput<N, O>) => CheckFinding[]

/** One entry of the registry: the permanent ID and what the runner needs to know to run the check. */
export interface CheckDefinition<N extends ReadName = ReadName, O extends ReadName = ReadName> {
  /** The anchor of the check's section in docs/checks.md. */
  docs: string
  /** Permanent: never renumbered or reused. */
  id: string
  needs: readonly N[]
  run: CheckFunction<N, O>
  /**
   * The check's default grade, that of its usual finding: the first its docs/checks.md heading lists (test/data/check-docs).
   * A finding may be graded otherwise for its case (CNI007 is an error when aws-node's own clean-up is off);
   * `--severity ID=LEVEL` re-grades all its findings.
   */
  severity: Severity
  title: string
  /** Reads the check uses when they answered; without them it checks less and says so in notChecked. */
  uses?: readonly O[]
}
