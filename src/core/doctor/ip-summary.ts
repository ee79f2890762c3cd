import {groupBy} from '../group-by.js'
import {readAwsNodeSettings} from './aws-node-settings.js'
import type {DoctorAwsNode, DoctorEni, DoctorNode, DoctorPod, DoctorSubnet} from './cluster-objects.js'
import type {DoctorFacts} from './doctor-input.js'
import {heldAddresses, indexEniAddresses, isPodEni} from './eni-addresses.js'
import {isFargateNode, nodeMaxPods} from './node-capacity.js'

/** Addresses as cni-metrics-helper totals them: held (awscni_total_ip_addresses), assigned to pods, free = held − assigned. */
export interface IpFigures {
  assigned: number
  free: number
  held: number
  /** What the ENIs could hold in the cluster's mode (awscni_ip_max); null when the instance type is unknown. */
  max: null | number
}

export interface NodeIpFigures extends IpFigures {
  instanceType: null | string
  node: string
}

export interface SubnetIpFigures extends Omit<IpFigures, 'max'> {
  availabilityZone: null | string
  /** DescribeSubnets AvailableIpAddressCount: what the subnet has left for anyone. */
  availableInSubnet: null | number
  cidrBlock: null | string
  subnetId: string
}

export interface IpSummary {
  nodes: NodeIpFigures[]
  subnets: SubnetIpFigures[]
  total: IpFigures
}

export interface IpSummaryReads {
  awsNode?: DoctorAwsNode | null
  networkInterfaces: DoctorEni[]
  nodes: DoctorNode[]
  pods: DoctorPod[]
  subnets?: DoctorSubnet[]
}

const isActive = (pod: DoctorPod): boolean => !pod.hostNetwork && pod.podIp !== null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed'

/** The report's IP section: per node, per subnet and in total. Not a finding: it is always there. */
export function summarizeIps(reads: IpSummaryReads, facts: DoctorFacts): IpSummary {
  const settings = reads.awsNode ? readAwsNodeSettings(reads.awsNode, facts.envDefaults) : undefined
  const podEnis = reads.networkInterfaces.filter((eni) => isPodEni(eni) && eni.attachment?.instanceId)
  const enisOf = groupBy(podEnis, (eni) => eni.attachment!.instanceId!)
  const eniOfIp = indexEniAddresses(podEnis)
  const assignedOn = new Map<DoctorEni, number>()
  for (const pod of reads.pods.filter(isActive)) {
    const eni = eniOfIp(pod.podIp!)
    if (eni) assignedOn.set(eni, (assignedOn.get(eni) ?? 0) + 1)
  }

  const figures = (enis: DoctorEni[]) => {
    const held = enis.reduce((sum, eni) => sum + heldAddresses(eni), 0)
    const assigned = enis.reduce((sum, eni) => sum + (assignedOn.get(eni) ?? 0), 0)
    return {assigned, free: Math.max(0, held - assigned), held}
  }

  const nodes = reads.nodes.filter((node) => !isFargateNode(node)).map((node): NodeIpFigures => {
    const limits = node.instanceType ? facts.instanceTypes[node.instanceType] : undefined
    const result = limits && settings ? nodeMaxPods(limits, settings) : undefined
    const max = result ? result.enis.usable * result.slotsPerEni * result.addressesPerSlot : null
    return {instanceType: node.instanceType, max, node: node.name, ...figures(enisOf.get(node.instanceId ?? '') ?? [])}
  })
  const bySubnet = groupBy(podEnis, (eni) => eni.subnetId ?? '')
  const subnetInfo = new Map((reads.subnets ?? []).map((s) => [s.subnetId, s]))
  const subnets = [...bySubnet.entries()].filter(([id]) => id).sort(([a], [b]) => a.localeCompare(b)).map(([subnetId, enis]) => {
    const info = subnetInfo.get(subnetId)
    return {availabilityZone: info?.availabilityZone ?? null, availableInSubnet: info?.availableIpAddressCount ?? null, cidrBlock: info?.cidrBlock ?? null, subnetId, ...figures(enis)}
  })
  const sum = (key: 'assigned' | 'free' | 'held') => nodes.reduce((total, n) => total + n[key], 0)
  const max = nodes.every((n) => n.max !== null) ? nodes.reduce((total, n) => total + n.max!, 0) : null
  return {nodes, subnets, total: {assigned: sum('assigned'), free: sum('free'), held: sum('held'), max}}
}
