import type {PoolLimits} from './ipamd-config.js'
import {cidrSize, type CidrState, type EniState, type PoolState} from './pool-state.js'

/** GetIPStats for IPv4: only CIDRs of the current mode, ENIs excluded for pod IPs skipped. */
export interface PoolStats {
  assignedIps: number
  /** TotalIPs − AssignedIPs: addresses in cooldown count as available, as in ipamd. */
  available: number
  /** /28s with no assigned address, over every ENI. */
  freePrefixes: number
  totalIps: number
  totalPrefixes: number
}

export const isCurrentMode = (cidr: CidrState, limits: PoolLimits): boolean => cidr.prefix === limits.prefixDelegation

export function computePoolStats(state: PoolState, limits: PoolLimits): PoolStats {
  let totalIps = 0
  let assignedIps = 0
  let totalPrefixes = 0
  let freePrefixes = 0
  for (const eni of state.enis) {
    for (const cidr of eni.cidrs) {
      if (!isCurrentMode(cidr, limits)) continue
      if (cidr.prefix && cidr.assigned === 0) freePrefixes++
      if (eni.excluded) continue
      totalIps += cidrSize(cidr)
      assignedIps += cidr.assigned
      if (cidr.prefix) totalPrefixes++
    }
  }

  return {assignedIps, available: totalIps - assignedIps, freePrefixes, totalIps, totalPrefixes}
}


/** How many CIDRs of the current mode one ENI carries. */
export function countModeCidrs(eni: EniState, limits: PoolLimits): number {
  let n = 0
  for (const cidr of eni.cidrs) if (isCurrentMode(cidr, limits)) n++
  return n
}

export function countAssigned(eni: EniState): number {
  let n = 0
  for (const cidr of eni.cidrs) n += cidr.assigned
  return n
}
