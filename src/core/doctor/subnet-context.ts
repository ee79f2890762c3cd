import {type AwsNodeSettings, readAwsNodeSettings} from './aws-node-settings.js'
import type {CheckInput} from './check.js'
import {demandByGroup, type GroupDemand} from './group-demand.js'
import {collectNodeFacts, type NodeFacts} from './node-facts.js'

/** What the subnet checks (CNI004, CNI005, CNI008) read, and what they use when it answered. */
export type SubnetReads = 'awsNode' | 'instances' | 'networkInterfaces' | 'nodes' | 'pods' | 'subnets'
export type SubnetOptional = 'cidrReservations' | 'eniConfigs' | 'nodeGroups'
export type SubnetCheckInput = CheckInput<SubnetReads, SubnetOptional>

/** What the subnet checks read: the nodes and their pods, the subnets and every ENI in them. */
export const SUBNET_READS: readonly SubnetReads[] = ['awsNode', 'instances', 'networkInterfaces', 'nodes', 'pods', 'subnets']
export const SUBNET_OPTIONAL: readonly SubnetOptional[] = ['cidrReservations', 'eniConfigs', 'nodeGroups']

export interface SubnetContext {
  facts: NodeFacts[]
  groups: GroupDemand[]
  settings: AwsNodeSettings
}

/** The live settings, the nodes' facts and each group's demand; undefined without aws-node or with IPv6 (no IPv4 pool). */
export function subnetContext(input: SubnetCheckInput): SubnetContext | undefined {
  const {awsNode, eniConfigs, nodeGroups} = input.reads
  if (!awsNode) return undefined
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  if (settings.ipv6) return undefined
  const facts = collectNodeFacts(input.reads, settings, input.facts.instanceTypes)
  return {facts, groups: demandByGroup(facts, settings, {eniConfigs, instanceTypes: input.facts.instanceTypes, nodeGroups}), settings}
}
