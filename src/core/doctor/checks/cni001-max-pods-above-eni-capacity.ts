import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import {isFargateNode, maxPodsCommand, modeLabel, nodeMaxPods} from '../node-capacity.js'
import {groupNodes, nodeNames} from '../node-groups.js'

interface Excess {
  capacityPods: number
  command: string
  instanceType: string
  ipLimited: number
  mode: string
  recommended: number
  usableEnis: number
}

/**
 * CNI001: kubelet lets more pods onto the node than its ENIs can give addresses in the cluster's mode; the pods past
 * the limit hang in ContainerCreating ("failed to assign an IP address to container").
 */
export function checkMaxPodsAboveEniCapacity(input: CheckInput<'awsNode' | 'nodes'>): CheckFinding[] {
  const {awsNode, nodes} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  // IPv6 pods take addresses from the /80 prefix of the primary ENI: no ENI limit to exceed.
  if (settings.ipv6) return []
  const over: Array<{key: string; node: DoctorNode; value: Excess}> = []
  const unknown: DoctorNode[] = []
  for (const node of nodes) {
    if (isFargateNode(node) || node.instanceType === null || node.capacityPods === null) continue
    const limits = input.facts.instanceTypes[node.instanceType]
    if (!limits) {
      unknown.push(node)
      continue
    }

    const result = nodeMaxPods(limits, settings)
    if (node.capacityPods <= result.uncappedMaxPods) continue
    const value = {
      capacityPods: node.capacityPods,
      command: maxPodsCommand(result, settings),
      instanceType: node.instanceType,
      ipLimited: result.uncappedMaxPods,
      mode: modeLabel(result, settings),
      recommended: result.maxPods,
      usableEnis: result.enis.usable,
    }
    over.push({key: `${node.instanceType}/${node.capacityPods}`, node, value})
  }

  return [...groupNodes(over).map(({nodes: group, resource, value}) => finding(group, resource, value)), ...unknownTypes(unknown)]
}

function finding(nodes: DoctorNode[], resource: CheckFinding['resource'], e: Excess): CheckFinding {
  const who = nodes.length === 1 ? `${e.instanceType} node` : `${nodes.length} ${e.instanceType} nodes`
  return {
    evidence: {
      capacityPods: e.capacityPods,
      instanceType: e.instanceType,
      ipLimitedMaxPods: e.ipLimited,
      mode: e.mode,
      nodeCount: nodes.length,
      nodes: nodeNames(nodes),
      recommendedMaxPods: e.recommended,
      usableEnis: e.usableEnis,
    },
    message: `${who}: kubelet max-pods ${e.capacityPods}, but the ENIs address at most ${e.ipLimited} pods (${e.mode}); pods past ${e.ipLimited} hang in ContainerCreating`,
    remedy: `set kubelet max-pods to ${e.recommended} (${e.command}) in the node group's launch template or NodeConfig, then replace the nodes`,
    resource,
    severity: 'error',
  }
}

/** A type the embedded table does not know cannot be checked; said once per type, not skipped in silence. */
function unknownTypes(nodes: DoctorNode[]): CheckFinding[] {
  const types = [...new Set(nodes.map((n) => n.instanceType!))].sort()
  return types.map((type) => {
    const of = nodes.filter((n) => n.instanceType === type)
    return {
      evidence: {instanceType: type, nodeCount: of.length, nodes: nodeNames(of)},
      message: `instance type ${type} is not in the embedded table: its max-pods could not be checked`,
      remedy: 'update vpccni; `vpccni max-pods --source ec2` asks EC2 for the type',
      resource: {kind: 'InstanceType', name: type},
      severity: 'info',
    }
  })
}
