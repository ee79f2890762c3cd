import {computeNodeDemand, type NodeDemand} from '../demand/node-demand.js'
import {groupBy} from '../group-by.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import type {AwsNodeSettings} from './aws-node-settings.js'
import type {DoctorEniConfig, DoctorNodeGroup} from './cluster-objects.js'
import {eniConfigNameOf} from './eni-config-name.js'
import type {NodeFacts} from './node-facts.js'
import {nodeGroupOf} from './node-groups.js'

/** Where one more node of a group takes addresses: the subnet it starts in and, under custom networking, its pods' subnet. */
export interface SubnetPair {
  nodeSubnet: string
  podSubnet: string
}

/** A group of nodes that grows together, and the addresses one more of its nodes would take. */
export interface GroupDemand {
  currentNodes: number
  demand: NodeDemand
  /** Nodes the group may still add (maxSize − current); null when no scaling config is known (Karpenter, self-managed). */
  headroom: null | number
  instanceType: string
  name: string
  pairs: SubnetPair[]
  podsPerNode: number
}

const mostCommon = <T>(values: T[]): T => {
  const counts = groupBy(values, (v) => v)
  return [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0][0]
}

/** The subnet a node's pods draw addresses from: its own, or under custom networking its ENIConfig's (null: none found). */
export function podSubnetOf(f: NodeFacts, settings: AwsNodeSettings, eniConfigs: ReadonlyMap<string, DoctorEniConfig>): null | string {
  return settings.config.customNetworking ? (eniConfigs.get(eniConfigNameOf(f.node, settings))?.subnet ?? null) : f.subnetId
}

/** ENIConfigs by name, as ipamd looks them up. */
export const eniConfigsByName = (eniConfigs?: DoctorEniConfig[] | null): Map<string, DoctorEniConfig> => new Map((eniConfigs ?? []).map((c) => [c.name, c]))

/**
 * The demand of one more node of each group, from the shared demand model: its instance type is the group's most
 * common one, its pods the group's mean (pods waiting for an address count), kubelet max-pods the group's own.
 */
export function demandByGroup(
  facts: NodeFacts[],
  settings: AwsNodeSettings,
  context: {eniConfigs?: DoctorEniConfig[] | null; instanceTypes: Record<string, InstanceTypeLimits>; nodeGroups?: DoctorNodeGroup[]},
): GroupDemand[] {
  const eniConfigs = eniConfigsByName(context.eniConfigs)
  const groups = groupBy(facts, (f) => {
    const group = nodeGroupOf(f.node)
    return group ? `${group.kind}/${group.name}` : `InstanceType/${f.limits.instanceType}`
  })
  const scaling = new Map((context.nodeGroups ?? []).map((g) => [`NodeGroup/${g.name}`, g]))
  return [...groups.entries()].map(([key, members]) => {
    const instance = members.find((f) => f.limits.instanceType === mostCommon(members.map((m) => m.limits.instanceType)))!.limits
    const podsPerNode = Math.ceil(members.reduce((sum, f) => sum + f.runningPods + f.pendingWithoutIp.length, 0) / members.length)
    const maxPods = Math.max(...members.map((f) => f.node.capacityPods ?? f.maxPods.maxPods))
    const demand = computeNodeDemand({config: {...settings.config, maxPods}, instance, pods: podsPerNode})
    const pairs = new Map<string, SubnetPair>()
    for (const f of members) {
      const podSubnet = podSubnetOf(f, settings, eniConfigs)
      if (f.subnetId && podSubnet) pairs.set(`${f.subnetId}/${podSubnet}`, {nodeSubnet: f.subnetId, podSubnet})
    }

    const group = scaling.get(key)
    if (group && !settings.config.customNetworking) for (const s of group.subnetIds) pairs.set(`${s}/${s}`, {nodeSubnet: s, podSubnet: s})
    const maxSize = group?.scaling.maxSize
    return {
      currentNodes: members.length,
      demand,
      headroom: maxSize === null || maxSize === undefined ? null : Math.max(0, maxSize - members.length),
      instanceType: instance.instanceType,
      name: key,
      pairs: [...pairs.values()].sort((a, b) => a.podSubnet.localeCompare(b.podSubnet)),
      podsPerNode,
    }
  })
}

/** Addresses one node of the group takes from SUBNET (its node subnet, its pod subnet, or both when they are one). */
export function addressesIn(group: GroupDemand, pair: SubnetPair, subnet: string): number {
  const {nodeSubnet, podSubnet} = group.demand
  let total = 0
  if (pair.nodeSubnet === subnet) total += nodeSubnet.total
  if (pair.podSubnet === subnet && podSubnet) total += podSubnet.total
  return total
}
