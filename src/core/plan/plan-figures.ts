import {addDemand, emptySubnetDemand, type NodeDemand, type SubnetDemand} from '../demand/node-demand.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import {AWS_RESERVED_PER_SUBNET} from './cidr.js'
import type {PlanInput, PlanNodeGroup, PlanSubnet} from './plan-input.js'
import {nodeDemandFor} from './plan-memo.js'
import {type AddressNeed, fitsIn, prefixBlocksLeft, smallestPrefixLength, usableAddresses, withHeadroom} from './subnet-fit.js'

/** A node group with its pods per node and max pods settled for one set of settings. */
export interface ResolvedGroup {
  group: PlanNodeGroup
  maxPods: number
  pods: number
}

export type SizedDemand = SubnetDemand & {nodes: number}

export interface GroupFigures {
  desired: number
  instanceType: string
  max: number
  maxPods: number
  mode: NodeDemand['mode']
  name: string
  perNode: NodeDemand
  /** Nodes per node subnet, at desired and at max size. */
  placement: Array<{desired: number; max: number; subnet: string}>
  podsPerNode: number
}

export interface SubnetFigures {
  cidr: null | string
  desired: SizedDemand
  /** Whether the subnet holds the plan at max size; null when its size is unknown. */
  fitsAtMax: boolean | null
  /** Free addresses now (EC2), for a live subnet; null otherwise. */
  freeNow: null | number
  /**
   * Live subnets: whether today's free addresses cover growing from desired to max size (the groups are taken to hold
   * their desired-size figures now; whatever else uses the subnet is already out of freeNow). Null when not read live.
   */
  growthFitsNow: boolean | null
  kind: 'node' | 'pod'
  max: SizedDemand
  name: string
  /** Prefix delegation: aligned /28 blocks needed at max size, and left in the subnet at best once its /32s are placed. */
  prefixBlocks: null | {leftAtMax: null | number; neededAtMax: number}
  reserved: number
  restAtDesired: null | number
  restAtMax: null | number
  size: null | number
  /** The smallest subnet (longest prefix length, /28 … /16) that holds the max-size need plus the headroom; null: more than a /16. */
  smallestPrefixLength: null | number
  subnetId: null | string
  usable: null | number
  zone: string
}

export interface PlanFigures {
  groups: GroupFigures[]
  subnets: SubnetFigures[]
  total: {desired: SizedDemand; max: SizedDemand; usable: null | number}
}

/** n nodes over k subnets as an ASG balances zones: the first n mod k get one more. */
export function spreadNodes(n: number, k: number): number[] {
  return Array.from({length: k}, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0))
}

const sized = (): SizedDemand => ({...emptySubnetDemand(), nodes: 0})

function addNodes(sum: SizedDemand, demand: SubnetDemand, nodes: number): void {
  addDemand(sum, demand, nodes)
  sum.nodes += nodes
}

interface Tally {
  desired: SizedDemand
  kind: 'node' | 'pod'
  max: SizedDemand
  subnet: PlanSubnet
}

/** Every figure of the plan for one set of aws-node settings: per node group, per subnet, and in total. */
export function computePlanFigures(input: PlanInput, settings: Omit<IpamdConfig, 'maxPods'>, resolved: ResolvedGroup[]): PlanFigures {
  const tallies = new Map<string, Tally>()
  const tally = (subnet: PlanSubnet, kind: 'node' | 'pod'): Tally => {
    const key = `${kind}:${subnet.name}`
    if (!tallies.has(key)) tallies.set(key, {desired: sized(), kind, max: sized(), subnet})
    return tallies.get(key)!
  }

  for (const subnet of input.nodeSubnets) tally(subnet, 'node')
  const groups = resolved.map(({group, maxPods, pods}) => {
    const perNode = nodeDemandFor(input, {
      branchPods: settings.securityGroupsForPods ? (input.branchPodsPerNode ?? 0) : 0, churnPerHour: input.churnPerHour, config: {...settings, maxPods},
      instance: group.instance, pods,
    })
    const subnets = group.subnets.length > 0 ? input.nodeSubnets.filter((s) => group.subnets.includes(s.name)) : input.nodeSubnets
    const desired = spreadNodes(group.desired, subnets.length)
    const max = spreadNodes(group.max, subnets.length)
    subnets.forEach((subnet, i) => {
      const node = tally(subnet, 'node')
      addNodes(node.desired, perNode.nodeSubnet, desired[i])
      addNodes(node.max, perNode.nodeSubnet, max[i])
      if (!perNode.podSubnet) return
      const pod = tally(podSubnetOf(input, subnet.zone), 'pod')
      addNodes(pod.desired, perNode.podSubnet, desired[i])
      addNodes(pod.max, perNode.podSubnet, max[i])
    })
    const placement = subnets.map((s, i) => ({desired: desired[i], max: max[i], subnet: s.name}))
    return {
      desired: group.desired, instanceType: group.instance.instanceType, max: group.max, maxPods, mode: perNode.mode,
      name: group.name, perNode, placement, podsPerNode: pods,
    }
  })

  const subnets = [...tallies.values()].map((t) => subnetFigures(t, input.headroomPercent))
  const total = {desired: sized(), max: sized(), usable: subnets.every((s) => s.usable !== null) ? 0 : null}
  for (const s of subnets) {
    addDemand(total.desired, s.desired, 1)
    addDemand(total.max, s.max, 1)
    // A node counts once, in its node subnet; its pod-subnet share adds addresses, not nodes.
    if (s.kind === 'node') {
      total.desired.nodes += s.desired.nodes
      total.max.nodes += s.max.nodes
    }

    if (total.usable !== null) total.usable += s.usable!
  }

  return {groups, subnets, total}
}

/** The zone's ENIConfig subnet, or one of unknown size standing for it. */
function podSubnetOf(input: PlanInput, zone: string): PlanSubnet {
  return input.podSubnets.find((s) => s.zone === zone) ?? {cidr: null, id: null, name: `pods-${zone}`, zone}
}

function subnetFigures(t: Tally, headroomPercent: number): SubnetFigures {
  const size = t.subnet.cidr?.size ?? null
  const usable = size === null ? null : usableAddresses(size)
  const need: AddressNeed = {prefixes: t.max.prefixes, total: t.max.total}
  const singles = t.max.total - t.max.prefixes * 16
  return {
    cidr: t.subnet.cidr?.text ?? null,
    desired: t.desired,
    fitsAtMax: size === null ? null : fitsIn(size, need),
    freeNow: t.subnet.freeNow ?? null,
    growthFitsNow: t.subnet.freeNow === undefined || t.subnet.freeNow === null ? null : t.subnet.freeNow >= t.max.total - t.desired.total,
    kind: t.kind,
    max: t.max,
    name: t.subnet.name,
    prefixBlocks: t.max.prefixes > 0 || t.desired.prefixes > 0
      ? {leftAtMax: size === null ? null : prefixBlocksLeft(size, singles), neededAtMax: t.max.prefixes}
      : null,
    reserved: AWS_RESERVED_PER_SUBNET,
    restAtDesired: usable === null ? null : usable - t.desired.total,
    restAtMax: usable === null ? null : usable - t.max.total,
    size,
    smallestPrefixLength: smallestPrefixLength(withHeadroom(need, headroomPercent)),
    subnetId: t.subnet.id,
    usable,
    zone: t.subnet.zone,
  }
}
