import {checkWorkloadFits} from '../../warm-targets/check-workload.js'
import {recommendWarmTargets} from '../../warm-targets/recommend-warm-targets.js'
import type {AwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding} from '../check.js'
import {heldAddresses, indexEniAddresses} from '../eni-addresses.js'
import type {GroupDemand} from '../group-demand.js'
import type {NodeFacts} from '../node-facts.js'
import {type SubnetCheckInput, subnetContext} from '../subnet-context.js'
import {subnetFree} from '../subnet-space.js'

/** Idle addresses (held by warm pools, bound to no pod) per subnet of the managed ENIs. */
function idleBySubnet(facts: NodeFacts[], input: SubnetCheckInput): Map<string, {idle: number; nodes: Set<string>}> {
  const idle = new Map<string, {idle: number; nodes: Set<string>}>()
  const enis = facts.flatMap((f) => f.managedEnis.map((eni) => ({eni, node: f.node.name})))
  const eniOf = indexEniAddresses(enis.map((e) => e.eni))
  const assigned = new Map<string, number>()
  for (const pod of input.reads.pods) {
    const eni = pod.podIp && !pod.hostNetwork ? eniOf(pod.podIp) : undefined
    if (eni) assigned.set(eni.networkInterfaceId, (assigned.get(eni.networkInterfaceId) ?? 0) + 1)
  }

  for (const {eni, node} of enis) {
    const entry = idle.get(eni.subnetId ?? '') ?? {idle: 0, nodes: new Set<string>()}
    entry.idle += Math.max(0, heldAddresses(eni) - (assigned.get(eni.networkInterfaceId) ?? 0))
    entry.nodes.add(node)
    idle.set(eni.subnetId ?? '', entry)
  }

  return idle
}

/**
 * CNI008: on a subnet whose free addresses are fewer than the idle addresses the warm pools hold there, the
 * warm-targets engine's leanest setting for the subnet's main node group, and what it would free.
 */
export function checkWarmPoolWaste(input: SubnetCheckInput): CheckFinding[] {
  const {cidrReservations = [], networkInterfaces, subnets} = input.reads
  const context = subnetContext(input)
  if (!context) return []
  const {groups, settings} = context
  const idle = idleBySubnet(context.facts, input)
  const findings: CheckFinding[] = []
  for (const subnet of [...subnets].sort((a, b) => a.subnetId.localeCompare(b.subnetId))) {
    const held = idle.get(subnet.subnetId)
    const space = subnetFree(subnet, cidrReservations, networkInterfaces.filter((e) => e.subnetId === subnet.subnetId))
    if (!held || !space || held.idle === 0 || space.free >= held.idle) continue
    const main = groups.filter((g) => g.pairs.some((p) => p.podSubnet === subnet.subnetId)).sort((a, b) => b.currentNodes - a.currentNodes)[0]
    const leaner = main ? leanerSetting(main, settings.config, input, held, space.free) : undefined
    if (!leaner || leaner.freed <= 0) continue
    const setting = Object.entries(leaner.env).map(([k, v]) => `${k}=${v}`).join(' ')
    findings.push({
      evidence: {
        addressesFreed: leaner.freed,
        freeAddresses: space.free,
        idleAddresses: held.idle,
        nodeGroup: main!.name.replace(/^[A-Za-z]+\//, ''),
        nodes: held.nodes.size,
        suggestedSetting: setting,
      },
      message: `warm pools hold ${held.idle} idle addresses on ${held.nodes.size} node${held.nodes.size === 1 ? '' : 's'} while the subnet has ${space.free} free; ${setting} would free about ${leaner.freed}`,
      remedy: `set ${setting} on aws-node (for the managed add-on, in its configurationValues env); vpccni warm-targets --instance-type ${main!.instanceType} --pods ${main!.podsPerNode} shows the trade-off`,
      resource: {kind: 'Subnet', name: subnet.subnetId},
      severity: 'warning',
    })
  }

  return findings
}

/** The warm-targets engine's recommendation for the group's node shape, and the idle addresses it would free on these nodes. */
function leanerSetting(
  group: GroupDemand,
  config: AwsNodeSettings['config'],
  input: SubnetCheckInput,
  held: {idle: number; nodes: Set<string>},
  free: number,
) {
  const nodes = held.nodes.size
  const instance = input.facts.instanceTypes[group.instanceType]
  const maxPods = group.demand.maxPods
  if (!instance || group.podsPerNode > maxPods) return undefined
  const shape = checkWorkloadFits({churn: '0', maxPods, pods: group.podsPerNode})
  const result = recommendWarmTargets({base: {...config, maxPods}, instance, nodes, shape, subnetFree: free})
  const freed = Math.round(held.idle - result.recommendation.metrics.idleIpsPerNode * nodes)
  return {env: result.recommendation.env, freed}
}
