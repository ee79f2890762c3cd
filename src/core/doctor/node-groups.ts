import type {FindingResource} from './check.js'
import type {DoctorNode} from './cluster-objects.js'

/** Labels that name the group a node was launched by, most specific first: EKS managed, eksctl, Karpenter. */
const GROUP_LABELS: Array<[string, string]> = [
  ['eks.amazonaws.com/nodegroup', 'NodeGroup'],
  ['alpha.eksctl.io/nodegroup-name', 'NodeGroup'],
  ['karpenter.sh/nodepool', 'NodePool'],
]

/** The node group (or Karpenter NodePool) a node belongs to, or null for a node launched on its own. */
export function nodeGroupOf(node: DoctorNode): FindingResource | null {
  for (const [label, kind] of GROUP_LABELS) if (node.labels[label]) return {kind, name: node.labels[label]}
  return null
}

/**
 * Nodes with the same problem reported once: per node group when the nodes carry one and share KEY, else per node.
 * Keeps a 5,000-node cluster's report readable while every node stays named in the evidence.
 */
export function groupNodes<T>(items: Array<{key: string; node: DoctorNode; value: T}>): Array<{nodes: DoctorNode[]; resource: FindingResource; value: T}> {
  const groups = new Map<string, {nodes: DoctorNode[]; resource: FindingResource; value: T}>()
  for (const {key, node, value} of items) {
    const group = nodeGroupOf(node)
    const id = group ? `${group.kind}/${group.name}/${key}` : `Node/${node.name}`
    const entry = groups.get(id)
    if (entry) entry.nodes.push(node)
    else groups.set(id, {nodes: [node], resource: group ?? {kind: 'Node', name: node.name}, value})
  }

  return [...groups.values()]
}

/** Node names for evidence: all of them up to a point, so a finding on a large group stays small. */
export function nodeNames(nodes: DoctorNode[], limit = 10): string[] {
  const names = nodes.slice(0, limit).map((n) => n.name)
  return nodes.length > limit ? [...names, `… and ${nodes.length - limit} more`] : names
}
