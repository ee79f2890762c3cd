import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import {isFargateNode, maxPodsCommand, nodeMaxPods} from '../node-capacity.js'
import {groupNodes, nodeNames} from '../node-groups.js'

interface Shortfall {
  capacityPods: number
  command: string
  instanceType: string
  prefixMaxPods: number
  secondaryIpMaxPods: number
}

/**
 * CNI002: prefix delegation is on and works for the type, but the node's kubelet still has the secondary-IP value
 * (or less) while the prefix value is higher: the node was launched before the setting (user-problems #4).
 */
export function checkPrefixDelegationMaxPods(input: CheckInput<'awsNode' | 'nodes'>): CheckFinding[] {
  const {awsNode, nodes} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  // IPv6 pods take addresses from the /80 prefix of the primary ENI: no ENI limit to exceed.
  if (settings.ipv6) return []
  if (!settings.config.prefixDelegation) return []
  const short: Array<{key: string; node: DoctorNode; value: Shortfall}> = []
  for (const node of nodes) {
    const limits = node.instanceType ? input.facts.instanceTypes[node.instanceType] : undefined
    if (!limits || isFargateNode(node) || node.capacityPods === null) continue
    const prefix = nodeMaxPods(limits, settings)
    if (prefix.mode !== 'prefix') continue
    const secondary = nodeMaxPods(limits, settings, {prefixDelegation: false})
    if (node.capacityPods > secondary.uncappedMaxPods || node.capacityPods >= prefix.maxPods) continue
    const value = {
      capacityPods: node.capacityPods,
      command: maxPodsCommand(prefix, settings),
      instanceType: limits.instanceType,
      prefixMaxPods: prefix.maxPods,
      secondaryIpMaxPods: secondary.uncappedMaxPods,
    }
    short.push({key: `${limits.instanceType}/${node.capacityPods}`, node, value})
  }

  return groupNodes(short).map(({nodes: group, resource, value: s}) => ({
    evidence: {
      capacityPods: s.capacityPods,
      instanceType: s.instanceType,
      nodeCount: group.length,
      nodes: nodeNames(group),
      prefixMaxPods: s.prefixMaxPods,
      secondaryIpMaxPods: s.secondaryIpMaxPods,
    },
    message:
      `${group.length === 1 ? `${s.instanceType} node` : `${group.length} ${s.instanceType} nodes`}: prefix delegation is on, ` +
      `but kubelet max-pods is ${s.capacityPods} (the secondary-IP value is ${s.secondaryIpMaxPods}; with prefixes ${s.prefixMaxPods})`,
    remedy: `launch the nodes again with max-pods ${s.prefixMaxPods} (${s.command}): nodes started before ENABLE_PREFIX_DELEGATION keep their old value`,
    resource,
    severity: 'warning',
  }))
}
