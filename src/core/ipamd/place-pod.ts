import type {PoolLimits} from './ipamd-config.js'
import {isCurrentMode} from './pool-stats.js'
import {cidrSize, type CidrState, type EniState, type PoolState} from './pool-state.js'

/** Where a pod's address lives, so its release can find it. */
export interface PodAddress {
  cidr: CidrState
  eni: EniState
}

/** Drops expired cooldowns (strictly past, as activeCooling); the list is in release order, so they are at its front. */
function pruneCooling(cidr: CidrState, now: number, cooldownSeconds: number): number {
  const cooling = cidr.coolingSince
  while (cooling.length > 0 && now - cooling[0] > cooldownSeconds) cooling.shift()
  return cooling.length
}

/**
 * Where a walk over a Go map of `n` entries starts, as AssignPodIPv4Address's loops over ENIs and CIDRs see it:
 * a small map (up to 8 entries) begins at a random one of its 8 slots and wraps, so a start past the last entry
 * lands on the first; a larger one begins anywhere.
 */
function mapWalkStart(n: number, random: () => number): number {
  const slot = Math.floor(random() * Math.max(n, 8))
  return slot < n ? slot : 0
}

/**
 * A pod ADD: the first address that is neither assigned nor cooling, on the lowest device-index ENI,
 * then the lowest CIDR ("packed"). With `random`, the ENIs and each ENI's CIDRs are walked from a random
 * start instead, as ipamd's Go map order does ("spread"). Null when none is free. Mutates the state.
 */
export function assignPodAddress(
  state: PoolState,
  limits: PoolLimits,
  now: number,
  cooldownSeconds: number,
  random?: () => number,
): null | PodAddress {
  const {enis} = state
  // Walks wrap from their start; packed, both start at 0. Counters rather than `%`: this is the simulator's hot loop.
  let e = random ? mapWalkStart(enis.length, random) : 0
  for (let i = 0; i < enis.length; i++, e = e + 1 === enis.length ? 0 : e + 1) {
    const eni = enis[e]
    if (eni.trunk || eni.excluded) continue
    const {cidrs} = eni
    let c = random ? mapWalkStart(cidrs.length, random) : 0
    for (let j = 0; j < cidrs.length; j++, c = c + 1 === cidrs.length ? 0 : c + 1) {
      const cidr = cidrs[c]
      if (!isCurrentMode(cidr, limits) || cidr.assigned >= cidrSize(cidr)) continue
      if (cidrSize(cidr) - cidr.assigned - pruneCooling(cidr, now, cooldownSeconds) > 0) {
        cidr.assigned++
        return {cidr, eni}
      }
    }
  }

  return null
}

/** A pod DEL: the address cools down before it can be handed out again. */
export function releasePodAddress(address: PodAddress, now: number, cooldownSeconds: number): void {
  pruneCooling(address.cidr, now, cooldownSeconds)
  address.cidr.assigned--
  address.cidr.coolingSince.push(now)
}
