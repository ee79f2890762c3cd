import type {ActionReason, IpamdAction} from './ipamd-action.js'
import {type IpamdConfig, isWarmIpDefined, type PoolLimits} from './ipamd-config.js'
import type {PoolStats} from './pool-stats.js'
import type {EniState, PoolState} from './pool-state.js'
import {computeTargetState} from './target-state.js'

/** insufficientCidrErrorCooldown: after a subnet ran out of addresses or /28s, ipamd waits this long before growing again. */
export const INSUFFICIENT_CIDR_COOLDOWN_SECONDS = 120

/** inInsufficientCidrCoolingPeriod: still frozen at exactly 120 s (`<=`). */
export const isGrowthFrozen = (state: PoolState, now: number): boolean =>
  state.insufficientCidrAt != null && now - state.insufficientCidrAt <= INSUFFICIENT_CIDR_COOLDOWN_SECONDS

/**
 * The first of GetAllocatableENIs: room left, never the trunk, an excluded ENI, or the primary under custom networking.
 * Room counts every CIDR on the ENI, of either mode: a /32 left from secondary-IP mode takes a prefix's slot (EC2 counts both).
 */
export function firstAllocatableEni(enis: EniState[], config: IpamdConfig, limits: PoolLimits): EniState | undefined {
  return enis.find(
    (eni) => !eni.trunk && !eni.excluded && !(config.customNetworking && eni.primary) && eni.cidrs.length < limits.cidrsPerEni,
  )
}

/** The slot kept for the trunk ENI until the VPC resource controller attaches it (ENABLE_POD_ENI on a trunking type). */
const trunkReserveOf = (state: PoolState, config: IpamdConfig, limits: PoolLimits): number =>
  limits.trunkCapable && config.securityGroupsForPods && !state.enis.some((eni) => eni.trunk) ? 1 : 0

/** hasRoomForEni: a slot is kept for the trunk until the resource controller attaches it. */
export function hasRoomForEni(state: PoolState, config: IpamdConfig, limits: PoolLimits): boolean {
  const excluded = state.enis.filter((eni) => eni.excluded).length
  return state.enis.length - excluded < limits.maxEni - state.unmanagedEnis - trunkReserveOf(state, config, limits) - excluded
}

/** What takes the instance's ENI slots, as hasRoomForEni counts them: "3 of 3 ENI slots taken (…)". */
export function describeEniSlots(state: PoolState, config: IpamdConfig, limits: PoolLimits): {detail: string; taken: number} {
  const reserve = trunkReserveOf(state, config, limits)
  const excluded = state.enis.filter((eni) => eni.excluded)
  const parts = [`${state.enis.length - excluded.length} in the pool`]
  if (excluded.length > 0) parts.push(`${excluded.map((eni) => eni.id).join(', ')} on a subnet excluded for pod addresses`)
  if (state.unmanagedEnis > 0) parts.push(`${state.unmanagedEnis} not managed by ipamd`)
  if (reserve > 0) parts.push('1 kept for the trunk ENI, which the VPC resource controller attaches for ENABLE_POD_ENI')
  const taken = state.enis.length + state.unmanagedEnis + reserve
  const full = !hasRoomForEni(state, config, limits)
  return {detail: `${taken} of ${limits.maxEni} ENI slots taken (${parts.join(', ')})${full ? ': no room for another' : ''}`, taken}
}

/** How many CIDRs one growth step asks for (tryAssignIPs / getPrefixesNeeded). */
function wantedCidrs(stats: PoolStats, config: IpamdConfig, limits: PoolLimits): number {
  const defined = isWarmIpDefined(config)
  const short = defined ? computeTargetState(stats, config, limits).short : 0
  if (limits.prefixDelegation) {
    return defined ? Math.max(1, short) : Math.max(1, config.warmPrefixTarget - stats.freePrefixes)
  }

  return defined ? short : limits.maxIpsPerEni
}

/** The lowest device index no attached ENI takes, ipamd's own or one it does not manage. */
export function nextDeviceIndex(state: PoolState): number {
  const taken = new Set([...state.enis.map((eni) => eni.deviceIndex), ...(state.unmanagedDeviceIndexes ?? [])])
  let index = 1
  while (taken.has(index)) index++
  return index
}

export type GrowthPlan = {action: IpamdAction} | {blocked: string}

/** increaseDatastorePool: one EC2 mutation, on the first ENI with room, else a new ENI. */
export function planGrowth(
  state: PoolState,
  enis: EniState[],
  stats: PoolStats,
  config: IpamdConfig,
  limits: PoolLimits,
  reason: ActionReason,
): GrowthPlan {
  const want = wantedCidrs(stats, config, limits)
  const unit = limits.prefixDelegation ? 'prefix' : 'ip'
  if (want <= 0) return {blocked: 'no shortfall to fill'}
  const eni = firstAllocatableEni(enis, config, limits)
  if (eni) {
    const count = Math.min(limits.cidrsPerEni - eni.cidrs.length, want)
    return {action: {count, eniId: eni.id, kind: 'assign', reason, unit}}
  }

  if (!hasRoomForEni(state, config, limits)) return {blocked: 'no room for another ENI'}
  const count = Math.min(want, limits.cidrsPerEni)
  return {action: {count, deviceIndex: nextDeviceIndex(state), kind: 'attach-eni', reason, unit}}
}
