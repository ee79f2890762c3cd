import type {CheckFinding} from '../check.js'
import {addressesIn, type GroupDemand} from '../group-demand.js'
import {type SubnetCheckInput, subnetContext} from '../subnet-context.js'
import {subnetFree} from '../subnet-space.js'

interface Need {
  /** "ng-general: 1 node × 31" for the evidence. */
  atMax: string[]
  atMaxTotal: number
  oneNode: number
  oneNodeGroup: string
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const shortName = (group: GroupDemand): string => group.name.replace(/^[A-Za-z]+\//, '')

/** What the groups' growth asks of one subnet: the largest single new node, and every group grown to its max size. */
function needsBySubnet(groups: GroupDemand[]): Map<string, Need> {
  const needs = new Map<string, Need>()
  for (const group of groups) {
    const subnets = new Set(group.pairs.flatMap((p) => [p.nodeSubnet, p.podSubnet]))
    for (const subnet of subnets) {
      const pairs = group.pairs.filter((p) => p.nodeSubnet === subnet || p.podSubnet === subnet)
      const perNode = Math.max(...pairs.map((p) => addressesIn(group, p, subnet)))
      const need = needs.get(subnet) ?? {atMax: [], atMaxTotal: 0, oneNode: 0, oneNodeGroup: ''}
      if (perNode > need.oneNode) Object.assign(need, {oneNode: perNode, oneNodeGroup: shortName(group)})
      // A node group spreads its nodes over its subnets (zones): this subnet gets its share of the headroom.
      const share = group.headroom === null ? 0 : Math.ceil((group.headroom * pairs.length) / group.pairs.length)
      if (share > 0) {
        need.atMax.push(`${shortName(group)}: ${share} node${share === 1 ? '' : 's'} × ${perNode}`)
        need.atMaxTotal += share * perNode
      }

      needs.set(subnet, need)
    }
  }

  return needs
}

/**
 * CNI004: the free addresses of every subnet the cluster's nodes and pods draw from, against the warm-pool demand of
 * one more node of each group (the shared demand model) and of every group grown to its max size.
 */
export function checkSubnetRunway(input: SubnetCheckInput): CheckFinding[] {
  const {cidrReservations = [], networkInterfaces, subnets} = input.reads
  const context = subnetContext(input)
  if (!context) return []
  const bySubnet = new Map(subnets.map((s) => [s.subnetId, s]))
  const findings: CheckFinding[] = []
  for (const [subnetId, need] of [...needsBySubnet(context.groups)].sort(([a], [b]) => a.localeCompare(b))) {
    const subnet = bySubnet.get(subnetId)
    const space = subnet ? subnetFree(subnet, cidrReservations, networkInterfaces.filter((e) => e.subnetId === subnetId)) : null
    if (!space) continue
    const error = space.free < need.oneNode
    if (!error && space.free >= need.atMaxTotal) continue
    const evidence = {
      availabilityZone: subnet!.availabilityZone,
      availableIpAddressCount: space.available,
      freeAddresses: space.free,
      maxSizeDemand: need.atMaxTotal,
      maxSizeGrowth: need.atMax,
      oneNodeDemand: need.oneNode,
      oneNodeGroup: need.oneNodeGroup,
      prefixReservationFree: space.reservedForPrefixes,
    }
    findings.push({
      evidence,
      message: error
        ? `${plural(space.free, 'free address', 'free addresses')}, but one more ${need.oneNodeGroup} node takes ${need.oneNode}: the next node's pods will not get addresses`
        : `${plural(space.free, 'free address', 'free addresses')}, but the node groups at their max size take ${need.atMaxTotal} (${need.atMax.join(', ')})`,
      remedy:
        'add subnets (a secondary VPC CIDR and custom networking, or subnets tagged kubernetes.io/role/cni), free addresses ' +
        '(leaked ENIs, a leaner warm pool: WARM_IP_TARGET/MINIMUM_IP_TARGET), or lower the node groups\' max size',
      resource: {kind: 'Subnet', name: subnetId},
      severity: error ? 'error' : 'warning',
    })
  }

  return findings
}

/** The subnets CNI004 finds without room for one more node (its errors): a pod there may be failing for want of an address. */
export function subnetsOutOfRunway(input: SubnetCheckInput): Set<string> {
  return new Set(checkSubnetRunway(input).filter((f) => f.severity === 'error').map((f) => f.resource.name))
}
