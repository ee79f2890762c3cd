import {ADDRESSES_PER_PREFIX} from '../ipamd/pool-state.js'
import {AWS_RESERVED_PER_SUBNET, LARGEST_SUBNET_PREFIX, SMALLEST_SUBNET_PREFIX} from './cidr.js'

/**
 * What a subnet must hold: every address, and with prefix delegation how many of them come as /28 prefixes.
 * The rest (node and ENI primary addresses) are single /32s.
 */
export interface AddressNeed {
  prefixes: number
  total: number
}

/** The reserved addresses sit in the first /28 (four) and the last (one): neither can be delegated as a prefix. */
const RESERVED_BLOCKS = 2
/** Addresses left for /32s in those two partly reserved /28s. */
const SPARE_IN_RESERVED_BLOCKS = 2 * ADDRESSES_PER_PREFIX - AWS_RESERVED_PER_SUBNET

export const usableAddresses = (size: number): number => Math.max(0, size - AWS_RESERVED_PER_SUBNET)

/**
 * Aligned /28 blocks left for prefixes in a subnet of `size` addresses once its /32s are placed, at best: with
 * the /32s packed into the reserved blocks' spare room first. EC2 places /32s where it likes, so a real subnet
 * that mixes both can have fewer whole blocks (InsufficientCidrBlocks; a prefix-type CIDR reservation avoids it).
 */
export function prefixBlocksLeft(size: number, singleAddresses: number): number {
  const blocks = Math.floor(size / ADDRESSES_PER_PREFIX)
  if (blocks < RESERVED_BLOCKS) return 0
  const blocksForSingles = Math.ceil(Math.max(0, singleAddresses - SPARE_IN_RESERVED_BLOCKS) / ADDRESSES_PER_PREFIX)
  return Math.max(0, blocks - RESERVED_BLOCKS - blocksForSingles)
}

/** Whether a subnet of `size` addresses holds the need: addresses, and with prefixes, whole aligned /28s. */
export function fitsIn(size: number, need: AddressNeed): boolean {
  if (need.total > usableAddresses(size)) return false
  if (need.prefixes === 0) return true
  return need.prefixes <= prefixBlocksLeft(size, need.total - need.prefixes * ADDRESSES_PER_PREFIX)
}

/** The need grown by the headroom (percent), rounded up. */
export function withHeadroom(need: AddressNeed, headroomPercent: number): AddressNeed {
  const grow = (n: number) => Math.ceil((n * (100 + headroomPercent)) / 100)
  const prefixes = grow(need.prefixes)
  const singles = grow(need.total - need.prefixes * ADDRESSES_PER_PREFIX)
  return {prefixes, total: singles + prefixes * ADDRESSES_PER_PREFIX}
}

/** The longest prefix length (smallest subnet) from /28 to /16 that holds the need; null if not even a /16 does. */
export function smallestPrefixLength(need: AddressNeed): null | number {
  for (let length = SMALLEST_SUBNET_PREFIX; length >= LARGEST_SUBNET_PREFIX; length--) {
    if (fitsIn(2 ** (32 - length), need)) return length
  }

  return null
}
