import {ExitCode, type ExitCodeValue} from '../../exit-codes.js'
import {parseEksClusterArn} from '../eks-cluster-arn.js'
import {doctorExitCode} from './doctor-exit-code.js'
import type {DoctorReport} from './doctor-report.js'
import {type ClusterKey, clusterWasRead, type DoctorRun, notReadReason, runKey, runLabel} from './doctor-run.js'

/** One cluster of a fleet run: its doctor run, or why it could not be read. */
export interface FleetMember {
  context: string
  error?: {exitCode: number; hint?: string; message: string}
  /** A cluster not read: its name in the formats (clusterLabels), else its context. */
  label?: string
  /** A cluster not read: its region and account where the source knew them (--region, the context's ARN). */
  place?: {accountId: null | string; region: null | string}
  run?: DoctorRun
}

/** The member's name in the formats: its cluster's (runLabel) when read, else its label or context. */
export const memberLabel = (member: FleetMember): string => (member.run ? runLabel(member.run) : member.label ?? member.context)

/** The member's key in the metrics (ClusterKey): a cluster not read is placed by its source, else its context's ARN. */
export function memberKey(member: FleetMember): ClusterKey {
  if (member.run) return runKey(member.run)
  const arn = parseEksClusterArn(member.context)
  return {accountId: member.place?.accountId ?? arn?.accountId ?? '', cluster: memberLabel(member), region: member.place?.region ?? arn?.region ?? ''}
}

/** The doctor document of a cluster that could not be read: the same shape, empty, with the error. */
export type UnreadReport = Omit<DoctorReport, 'cluster'> & {cluster: Pick<DoctorReport['cluster'], 'context'>; error: NonNullable<FleetMember['error']>}

/** `{"schemaVersion":1,"clusters":[...]}`: one doctor document per cluster, in the order asked. */
export function fleetDocument(members: FleetMember[]): {clusters: Array<DoctorReport | UnreadReport>; schemaVersion: 1} {
  const clusters = members.map((m): DoctorReport | UnreadReport =>
    m.run
      ? m.run.report
      : {checked: [], cluster: {context: m.context}, error: m.error!, findings: [], ipSummary: null, ipSummaryNotBuilt: null, notChecked: [], schemaVersion: 1, summary: {error: 0, info: 0, warning: 0}},
  )
  return {clusters, schemaVersion: 1}
}

/** Whether doctor could read the member's cluster (clusterWasRead). */
export const wasRead = (member: FleetMember): boolean => member.run !== undefined && clusterWasRead(member.run.report)

/** Why the member's cluster could not be read (its error, or the read that failed), or undefined when it was read. */
export function unreadReason(member: FleetMember): string | undefined {
  if (member.error) return `${member.error.message}${member.error.hint ? `; ${member.error.hint}` : ''}`
  return wasRead(member) ? undefined : notReadReason(member.run!.report)
}

/**
 * The worst cluster's exit code: 3 only when no cluster could be read; 1 when one has a failing finding, or could not
 * be read while others could (a fleet with a cluster missing is not a clean bill); else 0.
 */
export function fleetExitCode(members: FleetMember[], failOn: 'error' | 'warning'): ExitCodeValue {
  const read = members.filter(wasRead)
  if (read.length === 0) return ExitCode.SourceUnreachable
  const failing = read.some((m) => doctorExitCode(m.run!.report, failOn) === ExitCode.ProblemFound)
  return failing || read.length < members.length ? ExitCode.ProblemFound : ExitCode.Ok
}

/**
 * Names that tell a fleet's clusters apart, one per context in order. A context named by its EKS ARN (as `aws eks
 * update-kubeconfig` writes it) shares its first 30-odd characters with every other: it goes by its cluster name, with
 * its region, then its account, added only where two rows would otherwise read the same. Other contexts keep their name.
 */
export function fleetLabels(contexts: string[]): string[] {
  const choices = contexts.map((context) => {
    const ref = parseEksClusterArn(context)
    return ref ? [ref.clusterName, `${ref.clusterName} (${ref.region})`, `${ref.clusterName} (${ref.region}, ${ref.accountId})`, context] : [context]
  })
  const level = contexts.map(() => 0)
  const label = (i: number) => choices[i][level[i]]
  for (let round = 0; round < 3; round++) {
    const clashing = contexts.map((_, i) => contexts.some((_, j) => j !== i && label(j) === label(i)))
    if (!clashing.includes(true)) break
    for (const [i, clash] of clashing.entries()) if (clash && level[i] < choices[i].length - 1) level[i]++
  }

  return contexts.map((_, i) => label(i))
}
