import type {CheckFinding} from '../check.js'
import {classifyBlocks} from '../prefix-blocks.js'
import {type SubnetCheckInput, subnetContext} from '../subnet-context.js'

/** At or above this fragmentation score a subnet is flagged, as subnet_frag.py does. */
export const FRAGMENTATION_WARNING = 75

/**
 * CNI005 (prefix delegation only): the aligned /28 blocks of every pod subnet. Fewer free blocks than one more node
 * needs is an error (EC2 answers InsufficientCidrBlocks although the subnet shows free addresses); a high score a warning.
 */
export function checkPrefixFragmentation(input: SubnetCheckInput): CheckFinding[] {
  const {cidrReservations = [], networkInterfaces, subnets} = input.reads
  const context = subnetContext(input)
  if (!context?.settings.config.prefixDelegation) return []
  const groups = context.groups.filter((g) => g.demand.mode === 'prefix')
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
      // A prefix reservation only keeps whole /28s that are still free: with none left it cannot help.
      remedy: blocks.free > 0
        ? `reserve the free aligned /28s for prefixes (aws ec2 create-subnet-cidr-reservation --subnet-id ${subnet.subnetId} --reservation-type prefix --cidr CIDR) or add a subnet for pods`
        : `no whole /28 is left to reserve: add a subnet for pods (a new subnet, or a secondary VPC CIDR with custom networking) and move new nodes there`,
      resource: {kind: 'Subnet', name: subnet.subnetId},
      severity: error ? 'error' : 'warning',
    })
  }

  return findings
}
