import {type IpamdConfig, isWarmIpDefined, type PoolLimits} from './ipamd-config.js'
import type {PoolStats} from './pool-stats.js'
import {ADDRESSES_PER_PREFIX} from './pool-state.js'

export type WarmTarget = 'MINIMUM_IP_TARGET' | 'WARM_ENI_TARGET' | 'WARM_IP_TARGET' | 'WARM_PREFIX_TARGET'

/** datastoreTargetState: how far the pool is below or above the warm-IP targets, in addresses (SIP) or prefixes (PD). */
export interface TargetState {
  over: number
  /** Which target set `short`: the larger of the two shortfalls. */
  shortBy: WarmTarget
  short: number
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b)

export function computeTargetState(stats: PoolStats, config: IpamdConfig, limits: PoolLimits): TargetState {
  const wit = config.warmIpTarget
  const mit = config.minimumIpTarget
  const shortWarm = Math.max(wit - stats.available, 0)
  const shortMin = mit - stats.totalIps
  const short = Math.max(shortWarm, shortMin)
  const shortBy: WarmTarget = shortMin > shortWarm ? 'MINIMUM_IP_TARGET' : 'WARM_IP_TARGET'
  if (!limits.prefixDelegation) {
    const over = Math.max(Math.min(Math.max(stats.available - wit, 0), stats.totalIps - mit), 0)
    return {over, short, shortBy}
  }

  // ipamd rounds to /28s here, and uses WARM_IP_TARGET even when only MINIMUM_IP_TARGET is set.
  const needWarm = ceilDiv(stats.assignedIps + wit, ADDRESSES_PER_PREFIX)
  const needMin = ceilDiv(mit, ADDRESSES_PER_PREFIX)
  let over = Math.max(Math.min(stats.freePrefixes, stats.totalPrefixes - needWarm), 0)
  over = Math.max(Math.min(over, stats.totalPrefixes - needMin), 0)
  return {over, short: ceilDiv(short, ADDRESSES_PER_PREFIX), shortBy}
}

export interface LowCheck {
  /** Stopped by kubelet max pods although a target wants more. */
  cappedByMaxPods: boolean
  detail: string
  low: boolean
  target: WarmTarget
}

/** isDatastorePoolTooLow. */
export function checkPoolTooLow(stats: PoolStats, config: IpamdConfig, limits: PoolLimits, explain = true): LowCheck {
  const {below, target} = compareWithTarget(stats, config, limits)
  const capped = stats.totalIps >= config.maxPods
  // The detail text is built only when someone will read it: this runs on every reconcile.
  if (capped) {
    const detail = below && explain ? `pool holds ${stats.totalIps} ≥ max pods ${config.maxPods}` : ''
    return {cappedByMaxPods: below, detail, low: false, target}
  }

  return {cappedByMaxPods: false, detail: below && explain ? describeLow(stats, config, limits) : '', low: below, target}
}

function compareWithTarget(stats: PoolStats, config: IpamdConfig, limits: PoolLimits): {below: boolean; target: WarmTarget} {
  if (isWarmIpDefined(config)) {
    const state = computeTargetState(stats, config, limits)
    return {below: state.short > 0, target: state.shortBy}
  }

  const warm = limits.prefixDelegation ? config.warmPrefixTarget : config.warmEniTarget
  const unit = limits.prefixDelegation ? ADDRESSES_PER_PREFIX : limits.maxIpsPerEni
  const below = stats.available < unit * warm || (warm === 0 && stats.available === 0)
  return {below, target: limits.prefixDelegation ? 'WARM_PREFIX_TARGET' : 'WARM_ENI_TARGET'}
}

function describeLow(stats: PoolStats, config: IpamdConfig, limits: PoolLimits): string {
  if (isWarmIpDefined(config)) {
    const targets = `WARM_IP_TARGET ${config.warmIpTarget}, MINIMUM_IP_TARGET ${config.minimumIpTarget}`
    return `available ${stats.available} of ${stats.totalIps}; ${targets}`
  }

  const [name, warm, unit] = limits.prefixDelegation
    ? ['WARM_PREFIX_TARGET', config.warmPrefixTarget, ADDRESSES_PER_PREFIX]
    : ['WARM_ENI_TARGET', config.warmEniTarget, limits.maxIpsPerEni]
  return `available ${stats.available}, ${name} ${warm} wants ${warm * unit}`
}

/** isDatastorePoolTooHigh, with the number of CIDRs to release (it ignores max pods). */
export function computeExcess(stats: PoolStats, config: IpamdConfig, limits: PoolLimits): {over: number; target: WarmTarget} {
  if (isWarmIpDefined(config)) {
    const state = computeTargetState(stats, config, limits)
    const target: WarmTarget = state.over > 0 && stats.totalIps - config.minimumIpTarget < stats.available - config.warmIpTarget
      ? 'MINIMUM_IP_TARGET'
      : 'WARM_IP_TARGET'
    return {over: state.over, target}
  }

  if (limits.prefixDelegation) {
    return {over: Math.max(stats.freePrefixes - config.warmPrefixTarget, 0), target: 'WARM_PREFIX_TARGET'}
  }

  return {over: 0, target: 'WARM_ENI_TARGET'}
}
