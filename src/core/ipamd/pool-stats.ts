import type {PoolLimits} from './ipamd-config.js'
import {cidrSize, type CidrState, type EniState, type PoolState} from './pool-state.js'

/** GetIPStats for IPv4: only CIDRs of the current mode, ENIs excluded for pod IPs skipped (but for the prefix counts). */
export interface PoolStats {
  assignedIps: number
  /** TotalIPs − AssignedIPs: addresses in cooldown count as available, as in ipamd. */
  available: number
  /** /28s with no assigned address, over every ENI. */
  freePrefixes: number
  totalIps: number
  /** /28s on every ENI, excluded ones included. */
  totalPrefixes: number
}

export const isCurrentMode = (cidr: CidrState, limits: PoolLimits): boolean => cidr.prefix === limits.prefixDelegation

export function computePoolStats(state: PoolState, limits: PoolLimits): PoolStats {
  const stats = emptyPoolStats()
  for (const eni of state.enis) for (const cidr of eni.cidrs) countCidr(stats, eni, cidr, limits)
  return finishPoolStats(stats)
}

export const emptyPoolStats = (): PoolStats => ({assignedIps: 0, available: 0, freePrefixes: 0, totalIps: 0, totalPrefixes: 0})

/**
 * Adds one CIDR of `eni` to the totals; `available` follows from them in finishPoolStats. Shared with
 * PoolTally, which counts in the same pass what its decision key needs.
 */
export function countCidr(stats: PoolStats, eni: EniState, cidr: CidrState, limits: PoolLimits): void {
  // TotalPrefixes is the datastore's allocatedPrefix counter: every /28 it holds, on excluded ENIs too.
  if (cidr.prefix) stats.totalPrefixes++
  if (!isCurrentMode(cidr, limits)) return
  if (cidr.prefix && cidr.assigned === 0) stats.freePrefixes++
  if (eni.excluded) return
  stats.totalIps += cidrSize(cidr)
  stats.assignedIps += cidr.assigned
}

export function finishPoolStats(stats: PoolStats): PoolStats {
  stats.available = stats.totalIps - stats.assignedIps
  return stats
}

export function countAssigned(eni: EniState): number {
  let n = 0
  for (const cidr of eni.cidrs) n += cidr.assigned
  return n
}
