import {buildDiffLints} from '../diff/build-diff-lints.js'
import {buildDiffReport} from '../diff/build-diff-report.js'
import type {DiffInput, DiffReport, LintFinding} from '../diff/diff-report.js'
import type {DoctorAddon, DoctorAwsNode, DoctorEniConfig} from './cluster-objects.js'
import type {DoctorAddonConfiguration} from './health-objects.js'
import type {HealthFacts} from './health-reads.js'
import {AWS_NODE_DAEMONSET} from './health-helpers.js'
import type {CheckFinding} from './check.js'

export interface ClusterDiffReads {
  addon?: DoctorAddon | null
  addonConfiguration?: DoctorAddonConfiguration | null
  awsNode: DoctorAwsNode
  cniConfigMap?: {data: Record<string, string>} | null
  eniConfigs?: DoctorEniConfig[] | null
}

/**
 * The diff engine's lints that another check reports, with its mode's other signals: settings lint (CNI013) leaves
 * them out so a setting is reported once.
 */
export const LINTS_OWNED_ELSEWHERE: Readonly<Record<string, string>> = {
  'custom-networking-eniconfigs': 'CNI021',
  'ipv4-and-ipv6': 'CNI024',
  'ipv6-without-prefix': 'CNI024',
  'network-policy-mismatch': 'CNI023',
}

/** What the engine is given beside the reads: its release data, and the cluster's name for the remedy's command. */
export type ClusterDiffFacts = HealthFacts & {clusterName?: null | string}

function diffInputOf(reads: ClusterDiffReads, facts: ClusterDiffFacts): DiffInput {
  const {addon, addonConfiguration} = reads
  const diffAddon: DiffInput['addon'] = addon === undefined ? undefined : addon === null
    ? {basis: 'EKS DescribeAddon: no vpc-cni add-on', managed: false}
    : {
      basis: `EKS DescribeAddon (vpc-cni ${addon.addonVersion ?? 'version unknown'})`,
      configurationSchema: addonConfiguration?.configurationSchema ?? undefined,
      configurationValues: addonConfiguration?.configurationValues ?? undefined,
      managed: true,
      version: addon.addonVersion ?? undefined,
    }
  const configMap = reads.cniConfigMap
    ? {apiVersion: 'v1', data: reads.cniConfigMap.data, kind: 'ConfigMap', metadata: {name: 'amazon-vpc-cni', namespace: 'kube-system'}}
    : undefined
  const eniConfigs = reads.eniConfigs === undefined ? undefined : (reads.eniConfigs ?? []).map((e) => e.name)
  return {addon: diffAddon, clusterName: facts.clusterName ?? undefined, configMap, daemonSet: reads.awsNode.manifest, eniConfigs}
}

/** The engine refuses a DaemonSet it cannot place (an image tag that names no release): said, never a crash of doctor. */
function refusedOr<T>(run: () => T): {reason: string} | T {
  try {
    return run()
  } catch (error) {
    return {reason: (error as Error).message}
  }
}

/**
 * `vpccni diff` on the gathered cluster: the running aws-node DaemonSet against its release, with the add-on's
 * configurationValues and schema when EKS answered (else ownership is told from managedFields alone).
 */
export const clusterDiff = (reads: ClusterDiffReads, facts: ClusterDiffFacts): {reason: string} | {report: DiffReport} =>
  refusedOr(() => ({report: buildDiffReport(diffInputOf(reads, facts), facts.diffReference)}))

/** The diff's lints and the running version alone (buildDiffLints): the checks that read only those need no whole diff. */
export const clusterLintReport = (reads: ClusterDiffReads, facts: ClusterDiffFacts): {lint: LintFinding[]; running: string} | {reason: string} =>
  refusedOr(() => buildDiffLints(diffInputOf(reads, facts), facts.diffReference))

/** The engine's lints, none when it could not compare. */
export const clusterLints = (reads: ClusterDiffReads, facts: ClusterDiffFacts): LintFinding[] => {
  const lints = clusterLintReport(reads, facts)
  return 'lint' in lints ? lints.lint : []
}

/** What CNI012 and CNI013 say when the engine could not compare the DaemonSet. */
export function notCompared(reason: string): CheckFinding {
  return {
    evidence: {reason},
    message: `the aws-node DaemonSet could not be compared with its release: ${reason}`,
    remedy: 'vpccni diff shows the same; an image built from a release can be compared with kubectl get ds aws-node -o yaml | vpccni diff -f -',
    resource: AWS_NODE_DAEMONSET,
    severity: 'info',
  }
}
