import {buildDiffReport} from '../diff/build-diff-report.js'
import type {DiffInput, DiffReport} from '../diff/diff-report.js'
import type {DoctorAddon, DoctorAwsNode, DoctorEniConfig} from './cluster-objects.js'
import type {DoctorAddonConfiguration} from './health-objects.js'
import type {HealthFacts} from './health-reads.js'

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

/**
 * `vpccni diff` on the gathered cluster: the running aws-node DaemonSet against its release, with the add-on's
 * configurationValues and schema when EKS answered (else ownership is told from managedFields alone).
 */
export function clusterDiff(reads: ClusterDiffReads, facts: HealthFacts): DiffReport {
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
  return buildDiffReport({addon: diffAddon, configMap, daemonSet: reads.awsNode.manifest, eniConfigs}, facts.diffReference)
}
