import {parseGoBool} from '../../core/aws-node-env.js'
import type {GroupDraft, PlanDraft, SubnetDraft} from '../../core/plan/plan-draft.js'
import {SourceError, UserError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'
import type {EksNodegroup} from '../eks/eks-types.js'
import type {NodeSummary, PodSummary} from '../kubernetes/types.js'
import {requireAwsNode} from '../require-aws-node.js'

/** The label EKS puts on every node of a managed node group. */
const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup'
const CUSTOM_NETWORKING = 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG'
const OFFLINE = 'or plan without the cluster: --node-group TYPE:COUNT:MAX or -f cluster.yaml'

/** Pods holding a VPC address now: not host-network, not finished. */
const holdsAddress = (pod: PodSummary): boolean => !pod.hostNetwork && pod.phase !== 'Succeeded' && pod.phase !== 'Failed'

function groupDraft(group: EksNodegroup, nodes: NodeSummary[], podsByNode: Map<string, number>, warnings: string[]): GroupDraft | null {
  const types = group.instanceTypes.length > 0 ? group.instanceTypes : [...new Set(nodes.map((n) => n.instanceType).filter((t): t is string => Boolean(t)))]
  if (types.length === 0) {
    warnings.push(`node group ${group.name}: no instance type (set in its launch template) and no nodes to read one from: not in the plan`)
    return null
  }

  const capacities = nodes.map((n) => n.capacityPods).filter((c): c is number => c !== null)
  const desired = group.scaling.desiredSize ?? nodes.length
  return {
    desired,
    instanceTypes: types,
    max: Math.max(desired, group.scaling.maxSize ?? desired),
    maxPods: capacities.length > 0 ? Math.max(...capacities) : null,
    name: group.name,
    // The busiest node's count: the plan is about what the group can come to hold.
    podsPerNode: nodes.length > 0 ? Math.max(...nodes.map((n) => podsByNode.get(n.name) ?? 0)) : null,
    subnets: group.subnetIds,
    zonesPinned: true,
  }
}

async function subnetDrafts(source: ClusterSource, ids: string[], warnings: string[], what: string): Promise<Map<string, SubnetDraft>> {
  const found = await source.describeSubnets(ids)
  const drafts = new Map<string, SubnetDraft>()
  for (const s of found) drafts.set(s.subnetId, {cidr: s.cidrBlock, freeNow: s.availableIpAddressCount, id: s.subnetId, name: s.subnetId, zone: s.availabilityZone ?? s.subnetId})
  for (const id of ids) if (!drafts.has(id)) warnings.push(`${what} ${id} is not in ec2:DescribeSubnets: not in the plan`)
  return drafts
}

/**
 * Today's managed node groups (EKS DescribeNodegroup scaling config), the pods on their nodes, the live aws-node settings,
 * the node groups' subnets and, with custom networking, the ENIConfig subnets. Nodes of no managed group are named, not planned.
 */
export async function gatherPlanDraft(source: ClusterSource): Promise<PlanDraft> {
  const answer = await source.listNodegroups()
  if (!answer.available) {
    const message = answer.reason.startsWith(`${answer.call}: `) ? answer.reason.slice(answer.call.length + 2) : answer.reason
    throw new SourceError(answer.call, message, {hint: answer.hint ? `${answer.hint}; ${OFFLINE}` : OFFLINE, permission: answer.permission ?? undefined})
  }

  const [nodes, pods, awsNode] = await Promise.all([source.listNodes(), source.listPods(), requireAwsNode(source, OFFLINE)])
  const container = awsNode.containers.find((c) => c.name === 'aws-node')
  const env = Object.fromEntries((container?.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]))
  const podsByNode = new Map<string, number>()
  for (const pod of pods) if (pod.nodeName && holdsAddress(pod)) podsByNode.set(pod.nodeName, (podsByNode.get(pod.nodeName) ?? 0) + 1)
  const warnings: string[] = []
  const groups = answer.value
    .map((g) => groupDraft(g, nodes.filter((n) => n.labels[NODEGROUP_LABEL] === g.name), podsByNode, warnings))
    .filter((g): g is GroupDraft => g !== null)
  const loose = nodes.filter((n) => !answer.value.some((g) => g.name === n.labels[NODEGROUP_LABEL]))
  if (groups.length === 0) {
    throw new UserError(`the cluster has no managed node groups to plan for${loose.length > 0 ? ` (its ${loose.length} node(s) are self-managed or Karpenter's, which EKS does not list)` : ''}`, {hint: OFFLINE.replace('or plan', 'plan')})
  }

  if (loose.length > 0) warnings.push(`${loose.length} node(s) belong to no managed node group (self-managed, Karpenter): not in the plan`)
  const nodeSubnets = await subnetDrafts(source, [...new Set(groups.flatMap((g) => g.subnets))], warnings, 'node group subnet')
  for (const g of groups) g.subnets = g.subnets.filter((id) => nodeSubnets.has(id))
  let podSubnets = new Map<string, SubnetDraft>()
  if (parseGoBool(env[CUSTOM_NETWORKING] ?? '') === true) {
    const eniConfigs = await source.listEniConfigs()
    podSubnets = await subnetDrafts(source, [...new Set(eniConfigs.map((c) => c.subnet))], warnings, 'ENIConfig subnet')
  }

  const origin = source.origin
  const where = origin.kind === 'snapshot' ? `snapshot ${origin.dir}` : `EKS cluster ${origin.eksCluster ?? ''}`.trim()
  return {env, groups, nodeSubnets: [...nodeSubnets.values()], podSubnets: [...podSubnets.values()], source: where, warnings}
}
