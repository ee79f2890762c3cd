import type {CniVersion} from '../cni-version.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import type {Ipv4Cidr} from './cidr.js'

/** A set of nodes of one instance type, as a node group or ASG runs them. */
export interface PlanNodeGroup {
  desired: number
  instance: InstanceTypeLimits
  /** At most desired … max nodes. */
  max: number
  /** kubelet max pods when set for the group (eksctl maxPodsPerNode, the node's capacity); else the recommended value. */
  maxPods: null | number
  name: string
  /** Pods per node that take a VPC address; null: a full node (max pods − the two host-network pods). */
  podsPerNode: null | number
  /** Names of the node subnets the group spreads over, evenly as an ASG balances zones; empty: all of them. */
  subnets: string[]
}

/** A subnet nodes are launched in (`node`) or, with custom networking, the ENIConfig subnet of a zone (`pod`). */
export interface PlanSubnet {
  /** Null when only the zone is known (`--zones N`): the plan then says what size it needs. */
  cidr: Ipv4Cidr | null
  /** Free addresses now (EC2 AvailableIpAddressCount), when read from a live subnet: others use the subnet too. */
  freeNow?: null | number
  /** The EC2 subnet id, when known. */
  id: null | string
  name: string
  zone: string
}

export interface PlanInput {
  /** Security groups for pods: branch-ENI pods per node (one subnet address each); 0: none counted. */
  branchPodsPerNode?: number
  churnPerHour: number
  cniVersion: CniVersion
  /** The aws-node variables the settings came from (flags and --set, configurationValues, the live DaemonSet). */
  env: Record<string, string>
  groups: PlanNodeGroup[]
  headroomPercent: number
  nodeSubnets: PlanSubnet[]
  /** ENIConfig subnets by zone, used with custom networking; a zone without one gets a subnet of unknown size. */
  podSubnets: PlanSubnet[]
  settings: Omit<IpamdConfig, 'maxPods'>
  /** Where the node groups came from: `flags`, `cluster.yaml` (eksctl), `EKS (cluster lab)`. */
  source: string
}
