import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import {demandByGroup} from '../group-demand.js'
import {collectNodeFacts} from '../node-facts.js'
import {classifyBlocks} from '../prefix-blocks.js'

type Reads = 'awsNode' | 'instances' | 'networkInterfaces' | 'nodes' | 'pods' | 'subnets'
type Optional = 'cidrReservations' | 'eniConfigs' | 'nodeGroups'

/** At or above this fragmentation score a subnet is flagged, as subnet_frag.py does. */
export const FRAGMENTATION_WARNING = 75

/**
 * CNI005 (prefix delegation only): the aligned /28 blocks of every pod subnet. Fewer free blocks than one more node
 * needs is an error (EC2 answers InsufficientCidrBlocks although the subnet shows free addresses); a high score a warning.
 */
export function checkPrefixFragmentation(input: CheckInput<Reads, Optional>): CheckFinding[] {
  const {awsNode, cidrReservations = [], eniConfigs, networkInterfaces, nodeGroups, subnets} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  if (!settings.config.prefixDelegation || settings.ipv6) return []
  const facts = collectNodeFacts(input.reads, settings, input.facts.instanceTypes)
  const groups = demandByGroup(facts, settings, {eniConfigs, instanceTypes: input.facts.instanceTypes, nodeGroups}).filter((g) => g.demand.mode === 'prefix')
  const need = new Map<string, {group: string; prefixes: number}>()
  for (const group of groups) {
    const prefixes = (group.demand.podSubnet ?? group.demand.nodeSubnet).prefixes
    for (const {podSubnet} of group.pairs) {
      if (prefixes > (need.get(podSubnet)?.prefixes ?? 0)) need.set(podSubnet, {group: group.name.replace(/^[A-Za-z]+\//, ''), prefixes})
    }
  }

  const findings: CheckFinding[] = []
  for (const subnet of subnets.filter((s) => need.has(s.subnetId) && s.cidrBlock).sort((a, b) => a.subnetId.localeCompare(b.subnetId))) {
    const {group, prefixes} = need.get(subnet.subnetId)!
    const mine = networkInterfaces.filter((e) => e.subnetId === subnet.subnetId)
    const blocks = classifyBlocks(subnet.cidrBlock!, mine, cidrReservations.filter((r) => r.subnetId === subnet.subnetId))
    const error = blocks.free < prefixes
    if (!error && blocks.score < FRAGMENTATION_WARNING) continue
    findings.push({
      evidence: {
        availableIpAddressCount: subnet.availableIpAddressCount,
        blocksFragmented: blocks.fragmented,
        blocksFree: blocks.free,
        blocksFull: blocks.full,
        blocksPrefix: blocks.prefix,
        blocksReserved: blocks.reserved,
        cidrBlock: subnet.cidrBlock,
        fragmentationScore: blocks.score,
        prefixesOneNode: prefixes,
      },
      message: error
        ? `${blocks.free} free aligned /28 blocks, but one more ${group} node needs ${prefixes} prefixes (${subnet.availableIpAddressCount} addresses show free, in ${blocks.fragmented} fragmented blocks): EC2 will answer InsufficientCidrBlocks`
        : `fragmentation score ${blocks.score}: ${blocks.fragmented + blocks.full} of ${blocks.free + blocks.fragmented + blocks.full} /28 blocks have addresses in use, ${blocks.free} free`,
      remedy: `reserve free space for prefixes (aws ec2 create-subnet-cidr-reservation --subnet-id ${subnet.subnetId} --reservation-type prefix --cidr CIDR) or add a subnet for pods`,
      resource: {kind: 'Subnet', name: subnet.subnetId},
      severity: error ? 'error' : 'warning',
    })
  }

  return findings
}
