import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import type {DoctorEvent} from '../health-objects.js'
import {cappedNames} from '../health-helpers.js'
import {isFargateNode} from '../node-capacity.js'
import {groupNodes, nodeNames} from '../node-groups.js'

/** The VPC resource controller's events when it cannot make or use a node's trunk ENI. */
const TRUNK_EVENTS = new Set(['BranchAllocationFailed', 'NodeTrunkFailedInit', 'TrunkENICreationFailed'])

const HAS_TRUNK_LABEL = 'vpc.amazonaws.com/has-trunk-attached'

/**
 * CNI022: with security groups for pods on (ENABLE_POD_ENI), every trunk-capable node needs a trunk ENI from the VPC
 * resource controller; without one, pods with a SecurityGroupPolicy never start there. The controller's failure events
 * (often the cluster role lacking AmazonEKSVPCResourceController) are errors too.
 */
export function checkSecurityGroupsForPods(input: CheckInput<'awsNode' | 'networkInterfaces' | 'nodes', 'warningEvents'>): CheckFinding[] {
  const {awsNode, networkInterfaces, nodes, warningEvents} = input.reads
  if (!awsNode || !readAwsNodeSettings(awsNode, input.facts.envDefaults).config.securityGroupsForPods) return []
  const withTrunk = new Set(networkInterfaces.filter((e) => e.interfaceType === 'trunk').map((e) => e.attachment?.instanceId))
  const lacking: Array<{key: string; node: DoctorNode; value: string}> = []
  for (const node of nodes) {
    const limits = node.instanceType ? input.facts.instanceTypes[node.instanceType] : undefined
    if (isFargateNode(node) || limits?.trunkCompatible !== true || !node.instanceId || withTrunk.has(node.instanceId)) continue
    lacking.push({key: node.instanceType!, node, value: node.instanceType!})
  }

  const events = (warningEvents ?? []).filter((e) => TRUNK_EVENTS.has(e.reason))
  return [
    ...groupNodes(lacking).map(({nodes: group, resource, value}) => ({
      evidence: {hasTrunkLabel: group.map((n) => n.labels[HAS_TRUNK_LABEL] ?? 'unset'), instanceType: value, nodeCount: group.length, nodes: nodeNames(group)},
      message: `${group.length} ${value} node${group.length === 1 ? '' : 's'} can carry a trunk ENI but ha${group.length === 1 ? 's' : 've'} none: pods with a SecurityGroupPolicy cannot start there`,
      remedy: 'check the VPC resource controller (kubectl get events -A --field-selector reason=TrunkENICreationFailed), that the cluster role has AmazonEKSVPCResourceController, and that the node has a free ENI slot; then replace the node',
      resource,
      severity: 'error' as const,
    })),
    ...(events.length > 0 ? [eventFinding(events)] : []),
  ]
}

function eventFinding(events: DoctorEvent[]): CheckFinding {
  const reasons = [...new Set(events.map((e) => e.reason))].sort()
  const nodes = [...new Set(events.map((e) => e.nodeName ?? e.involved.name))].sort()
  const policy = events.some((e) => /AmazonEKSVPCResourceController|not authorized|UnauthorizedOperation/i.test(e.message))
  return {
    evidence: {events: events.reduce((sum, e) => sum + e.count, 0), nodes: cappedNames(nodes), reasons, sample: events[0].message.slice(0, 300)},
    message: `the VPC resource controller reports ${reasons.join(', ')} on ${nodes.length} node${nodes.length === 1 ? '' : 's'}: ${events[0].message.slice(0, 160)}`,
    remedy: policy
      ? 'attach AmazonEKSVPCResourceController to the cluster IAM role'
      : 'read the events (kubectl get events -A --field-selector reason=' + reasons[0] + '); a node needs a free ENI slot for its trunk',
    resource: {kind: 'Cluster', name: 'vpc-resource-controller'},
    severity: 'error',
  }
}
