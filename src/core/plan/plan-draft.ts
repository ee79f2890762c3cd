import {UserError} from '../../errors.js'
import type {NodeGroupSpec} from './parse-node-group.js'

/** A node group as a source describes it, before its instance type is looked up. */
export interface GroupDraft {
  desired: number
  /** Every type the group may launch; the plan uses the first. */
  instanceTypes: string[]
  max: number
  maxPods: null | number
  name: string
  podsPerNode: null | number
  /** Names of node subnets; empty: all. */
  subnets: string[]
  /** The group names its zones (eksctl availabilityZones or subnets, an EKS node group's subnets): --subnet keeps them. */
  zonesPinned?: boolean
}

export interface SubnetDraft {
  /** Null: only the zone is known. */
  cidr: null | string
  /** Free addresses now (EC2 AvailableIpAddressCount), when read from a live subnet. */
  freeNow?: null | number
  id: null | string
  name: string
  zone: string
}

/** The plan's inputs as flags, an eksctl ClusterConfig or the live cluster give them. */
export interface PlanDraft {
  /** aws-node variables from the source (configurationValues, the live DaemonSet); --set goes over them. */
  env: Record<string, string>
  groups: GroupDraft[]
  nodeSubnets: SubnetDraft[]
  podSubnets: SubnetDraft[]
  source: string
  warnings: string[]
}

/** `zone-1` … `zone-N`: zones known only by their number. */
export const numberedZones = (n: number): string[] => Array.from({length: n}, (_, i) => `zone-${i + 1}`)

/** A name not yet taken: the name, then name-2, name-3 … */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`
  taken.add(candidate)
  return candidate
}

/** `--subnet ZONE=CIDR` (or `--pod-subnet`, prefix `pods-`): subnets named by their zone. */
export function subnetDrafts(assignments: Array<{cidr: string; zone: string}>, prefix = ''): SubnetDraft[] {
  const taken = new Set<string>()
  return assignments.map(({cidr, zone}) => ({cidr, id: null, name: uniqueName(`${prefix}${zone}`, taken), zone}))
}

/** `--node-group` specs and the subnets (or `--zones N`) from the flags. */
export function draftFromFlags(specs: NodeGroupSpec[], nodeSubnets: SubnetDraft[], podSubnets: SubnetDraft[]): PlanDraft {
  if (specs.length === 0) throw new UserError('no node groups: pass --node-group TYPE:COUNT[:MAX[:PODS]], -f cluster.yaml or --from-cluster')
  const taken = new Set<string>()
  return {
    env: {},
    groups: specs.map((s) => ({
      desired: s.count, instanceTypes: [s.instanceType], max: s.max, maxPods: null, name: uniqueName(s.instanceType, taken),
      podsPerNode: s.podsPerNode, subnets: [],
    })),
    nodeSubnets,
    podSubnets,
    source: 'flags',
    warnings: [],
  }
}
