import type {EniFacts, SubnetFacts} from './node-facts.js'
import type {EniSelection} from './read-node-settings.js'

/** How ipamd treats one of the instance's ENIs (ipamd.go filterUnmanagedENIs, awsutils.go IsSubnetExcluded). */
export type EniRole = 'efa' | 'efa-only' | 'other-card' | 'pool' | 'trunk' | 'unmanaged'

export interface EniClass {
  /** On a subnet ipamd does not give pod addresses from (IsExcludedForPodIPs). */
  excluded: boolean
  role: EniRole
  /** Why, when ipamd leaves the ENI alone or excludes it. */
  why: null | string
}

const NO_MANAGE_TAG = 'node.k8s.amazonaws.com/no_manage'
const INSTANCE_TAG = 'node.k8s.amazonaws.com/instance_id'
const CNI_ROLE_TAG = 'kubernetes.io/role/cni'
const CLUSTER_TAG_PREFIX = 'cni.networking.k8s.aws/cluster/'

export function classifyEni(eni: EniFacts, instanceId: string, subnet: SubnetFacts | undefined, selection: EniSelection): EniClass {
  if (eni.networkCardIndex > 0 && !selection.multiNic) {
    return {excluded: false, role: 'other-card', why: `network card ${eni.networkCardIndex} without ENABLE_MULTI_NIC`}
  }

  if (eni.interfaceType === 'efa-only') return {excluded: false, role: 'efa-only', why: 'an EFA-only interface carries no IP addresses'}
  if (!eni.primary) {
    const unmanaged = unmanagedReason(eni, instanceId, selection)
    if (unmanaged) return {excluded: false, role: 'unmanaged', why: unmanaged}
  }

  const role: EniRole = eni.interfaceType === 'trunk' ? 'trunk' : eni.interfaceType === 'efa' ? 'efa' : 'pool'
  const excludedWhy = eni.primary ? null : exclusionReason(subnet, selection)
  return {excluded: excludedWhy !== null, role, why: excludedWhy}
}

function unmanagedReason(eni: EniFacts, instanceId: string, selection: EniSelection): null | string {
  if (eni.tags[NO_MANAGE_TAG] === 'true') return `tagged ${NO_MANAGE_TAG}=true`
  const owner = eni.tags[INSTANCE_TAG]
  if (owner === instanceId) return null
  if (owner !== undefined) return `tagged ${INSTANCE_TAG}=${owner}, another instance`
  return selection.manageUntaggedEni ? null : 'untagged, and MANAGE_UNTAGGED_ENI=false'
}

function exclusionReason(subnet: SubnetFacts | undefined, selection: EniSelection): null | string {
  if (!selection.subnetDiscovery || !subnet) return null
  if (subnet.tags[CNI_ROLE_TAG] === '0') return `subnet ${subnet.subnetId} is tagged ${CNI_ROLE_TAG}=0`
  const clusters = Object.keys(subnet.tags).filter((key) => key.startsWith(CLUSTER_TAG_PREFIX))
  const name = selection.clusterName
  if (name && clusters.length > 0 && !clusters.includes(CLUSTER_TAG_PREFIX + name)) {
    return `subnet ${subnet.subnetId} is tagged for other clusters only`
  }

  return null
}
