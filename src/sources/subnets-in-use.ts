import type {DoctorEksCluster, DoctorEni, DoctorEniConfig, DoctorInstance, DoctorNodeGroup} from '../core/doctor/cluster-objects.js'

export interface SubnetSources {
  cluster?: DoctorEksCluster
  eniConfigs?: DoctorEniConfig[] | null
  enis?: DoctorEni[]
  instances?: DoctorInstance[]
  nodeGroups?: DoctorNodeGroup[]
}

/**
 * The subnets a cluster uses: its nodes' (and their ENIs'), its ENIConfigs' (custom networking puts pods there),
 * its own (control-plane ENIs) and its node groups' (where new nodes start). Doctor and snapshot ask EC2 about
 * the same set, so a snapshot answers every question doctor asks.
 */
export function subnetsInUse(from: SubnetSources): string[] {
  const ids = [
    ...(from.instances ?? []).map((i) => i.subnetId),
    ...(from.enis ?? []).map((e) => e.subnetId),
    ...(from.eniConfigs ?? []).map((c) => c.subnet),
    ...(from.cluster?.subnetIds ?? []),
    ...(from.nodeGroups ?? []).flatMap((g) => g.subnetIds),
  ]
  return [...new Set(ids.filter((id): id is string => Boolean(id)))].sort()
}
