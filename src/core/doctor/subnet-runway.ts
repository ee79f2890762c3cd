import type {DoctorInput, DoctorReads, ReadName} from './doctor-input.js'
import {addressesIn} from './group-demand.js'
import {subnetContext} from './subnet-context.js'
import {subnetFree} from './subnet-space.js'

/** How many more nodes one subnet can take: its free addresses over what the most demanding node group's next node takes there. */
export interface SubnetRunway {
  freeAddresses: number
  /** The group whose next node takes the most from this subnet. */
  group: string
  oneNodeDemand: number
  /** floor(free / oneNodeDemand): nodes the subnet can still start with their warm pools. */
  runwayNodes: number
  subnetId: string
}

const value = <K extends ReadName>(input: DoctorInput, name: K): DoctorReads[K] | undefined => {
  const outcome = input.reads[name]
  return outcome?.ok ? (outcome.value as DoctorReads[K]) : undefined
}

/**
 * The runway of every subnet the node groups draw from, for dashboards (CNI004 grades it; this gives the figure for every
 * subnet, also the healthy ones). Empty when a read it needs did not answer or the cluster is IPv6.
 */
export function subnetRunways(input: DoctorInput): SubnetRunway[] {
  const [awsNode, instances, networkInterfaces, nodes, pods, subnets] = [
    value(input, 'awsNode'), value(input, 'instances'), value(input, 'networkInterfaces'), value(input, 'nodes'), value(input, 'pods'), value(input, 'subnets'),
  ]
  if (awsNode === undefined || !instances || !networkInterfaces || !nodes || !pods || !subnets) return []
  const reads = {
    awsNode, cidrReservations: value(input, 'cidrReservations'), eniConfigs: value(input, 'eniConfigs'), instances, networkInterfaces, nodeGroups: value(input, 'nodeGroups'), nodes, pods, subnets,
  }
  const context = subnetContext({facts: input.facts, reads})
  if (!context) return []
  const worst = new Map<string, {demand: number; group: string}>()
  for (const group of context.groups) {
    for (const pair of group.pairs) {
      for (const subnet of new Set([pair.nodeSubnet, pair.podSubnet])) {
        const demand = addressesIn(group, pair, subnet)
        if (demand > (worst.get(subnet)?.demand ?? 0)) worst.set(subnet, {demand, group: group.name.replace(/^[A-Za-z]+\//, '')})
      }
    }
  }

  const reservations = reads.cidrReservations ?? []
  return subnets.flatMap((subnet) => {
    const need = worst.get(subnet.subnetId)
    const space = need ? subnetFree(subnet, reservations, networkInterfaces.filter((e) => e.subnetId === subnet.subnetId)) : null
    if (!need || !space) return []
    return [{freeAddresses: space.free, group: need.group, oneNodeDemand: need.demand, runwayNodes: Math.floor(space.free / need.demand), subnetId: subnet.subnetId}]
  }).sort((a, b) => a.subnetId.localeCompare(b.subnetId))
}
