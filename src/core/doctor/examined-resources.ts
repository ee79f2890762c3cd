import type {FindingResource} from './check.js'
import type {DoctorInput, DoctorReads, ReadName} from './doctor-input.js'
import {AWS_NODE_DAEMONSET, AWS_NODE_SERVICE_ACCOUNT, VPC_CNI_ADDON} from './health-helpers.js'
import {isFargateNode} from './node-capacity.js'
import {nodeGroupOf} from './node-groups.js'

/**
 * What each check that ran looked at, from the same gathered input: the CI formats give one testcase per resource
 * checked, passing ones too, so a report's test count does not change with its findings.
 */
export interface ExaminedResources {
  /** Per check ID: the resources it looked at, in a stable order. */
  byCheck: Record<string, FindingResource[]>
  /** The node group (or NodePool) of each node in one: node checks look at a group's nodes as one resource. */
  groupOfNode: Record<string, FindingResource>
}

/**
 * What kinds of resource each check looks at. Nodes are counted per node group (a node in none on its own), as the
 * node checks report them: a testcase per node would be 5,000 per check on a 5,000-node cluster (README, junit).
 */
type Scope = 'addon' | 'awsNode' | 'cluster' | 'clusterSubnets' | 'nodeGroups' | 'nodes' | 'serviceAccount' | 'subnets'

export const CHECK_SCOPES: Record<string, readonly Scope[]> = {
  CNI001: ['nodes'],
  CNI002: ['nodes'],
  CNI003: ['nodes'],
  CNI004: ['subnets'],
  CNI005: ['subnets'],
  CNI006: ['clusterSubnets', 'cluster', 'nodeGroups'],
  CNI007: ['subnets'],
  CNI008: ['subnets'],
  CNI010: ['awsNode'],
  CNI011: ['awsNode'],
  CNI012: ['awsNode'],
  CNI013: ['awsNode'],
  CNI014: ['addon'],
  CNI015: ['awsNode', 'serviceAccount'],
  CNI016: ['nodes'],
  CNI017: ['nodes'],
  CNI020: ['nodes'],
  CNI021: ['nodes'],
  CNI022: ['nodes'],
  CNI023: ['awsNode', 'nodes'],
  CNI024: ['awsNode'],
  CNI030: ['nodes'],
  CNI031: ['nodes'],
}

const valueOf = <K extends ReadName>(input: DoctorInput, name: K): DoctorReads[K] | undefined => {
  const outcome = input.reads[name]
  return outcome?.ok ? (outcome.value as DoctorReads[K]) : undefined
}

const path = (r: FindingResource): string => `${r.kind}/${r.namespace ?? ''}/${r.name}`

function unique(resources: FindingResource[]): FindingResource[] {
  const seen = new Map<string, FindingResource>()
  for (const r of resources) if (!seen.has(path(r))) seen.set(path(r), r)
  return [...seen.values()]
}

/** The resources of every scope, each list built once and shared by the checks that look at it. */
function scopeResources(input: DoctorInput): Record<Scope, FindingResource[]> {
  const nodes = (valueOf(input, 'nodes') ?? []).filter((n) => !isFargateNode(n))
  const eks = valueOf(input, 'eksCluster')
  const subnetsOf = (ids: string[]) => [...ids].sort().map((name) => ({kind: 'Subnet', name}))
  return {
    addon: valueOf(input, 'addon') ? [VPC_CNI_ADDON] : [],
    awsNode: valueOf(input, 'awsNode') ? [AWS_NODE_DAEMONSET] : [],
    cluster: eks ? [{kind: 'Cluster', name: eks.name}] : [],
    clusterSubnets: subnetsOf(eks?.subnetIds ?? []),
    nodeGroups: (valueOf(input, 'nodeGroups') ?? []).map((g) => ({kind: 'NodeGroup', name: g.name})),
    nodes: unique(nodes.map((n) => nodeGroupOf(n) ?? {kind: 'Node', name: n.name})),
    serviceAccount: valueOf(input, 'awsNodeServiceAccount') ? [AWS_NODE_SERVICE_ACCOUNT] : [],
    subnets: subnetsOf((valueOf(input, 'subnets') ?? []).map((s) => s.subnetId)),
  }
}

/** What the checks CHECKED (IDs that ran) looked at in INPUT. */
export function examinedResources(input: DoctorInput, checked: readonly string[]): ExaminedResources {
  const scopes = scopeResources(input)
  const byCheck: Record<string, FindingResource[]> = {}
  for (const id of checked) byCheck[id] = unique((CHECK_SCOPES[id] ?? []).flatMap((scope) => scopes[scope]))
  const groupOfNode: Record<string, FindingResource> = {}
  for (const node of valueOf(input, 'nodes') ?? []) {
    const group = nodeGroupOf(node)
    if (group) groupOfNode[node.name] = group
  }

  return {byCheck, groupOfNode}
}

/**
 * The examined resource a finding of check ID counts under: a node's finding under its group when the check looks at
 * nodes per group, else its own resource (which may be one the check found and was not listed, e.g. an event's).
 */
export function countedUnder(examined: ExaminedResources, id: string, resource: FindingResource): FindingResource {
  const group = resource.kind === 'Node' ? examined.groupOfNode[resource.name] : undefined
  const listed = examined.byCheck[id] ?? []
  return group && listed.some((r) => path(r) === path(group)) ? group : resource
}
