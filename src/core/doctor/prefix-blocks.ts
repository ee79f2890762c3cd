import type {DoctorCidrReservation, DoctorEni} from './cluster-objects.js'
import {parseCidr} from './ipv4.js'
import {usedAddresses} from './subnet-space.js'

/** How the aligned /28 blocks of a subnet are used (aws-support-tools subnet_frag.py classes). */
export interface BlockUsage {
  /** No address used: a prefix fits. Unused blocks of a prefix reservation count here. */
  free: number
  /** Some, not all, of the 16 addresses used: no prefix fits, although the subnet counts the rest as free. */
  fragmented: number
  full: number
  /** Delegated to an ENI as a /28 prefix. */
  prefix: number
  /** In an explicit CIDR reservation: not for ipamd. */
  reserved: number
  /** ceil((fragmented + full) / (free + fragmented + full) × 100): 0 all free, 100 no block free. */
  score: number
}

/** AWS keeps the first four addresses and the last of every subnet. */
const AWS_RESERVED_LOW = 4

export function classifyBlocks(cidr: string, enis: DoctorEni[], reservations: DoctorCidrReservation[]): BlockUsage {
  const {base, size} = parseCidr(cidr)
  const blocks = Math.floor(size / 16)
  const usedIn = new Array<number>(blocks).fill(0)
  const {ips, prefixes} = usedAddresses(enis)
  for (let i = 0; i < AWS_RESERVED_LOW; i++) ips.add(base + i)
  ips.add(base + size - 1)
  for (const ip of ips) if (ip >= base && ip < base + size) usedIn[Math.floor((ip - base) / 16)]++
  const explicit = reservations.filter((r) => r.reservationType === 'explicit').map((r) => parseCidr(r.cidr))
  const usage = {fragmented: 0, free: 0, full: 0, prefix: 0, reserved: 0}
  for (let block = 0; block < blocks; block++) {
    const start = base + block * 16
    if (prefixes.has(start)) usage.prefix++
    else if (explicit.some((r) => start < r.base + r.size && start + 16 > r.base)) usage.reserved++
    else if (usedIn[block] === 0) usage.free++
    else if (usedIn[block] >= 16) usage.full++
    else usage.fragmented++
  }

  const counted = usage.free + usage.fragmented + usage.full
  return {...usage, score: counted === 0 ? 0 : Math.ceil(((usage.fragmented + usage.full) / counted) * 100)}
}
