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
 * A pod ADD: the first address that is neither assigned nor cooling, on the lowest device-index ENI,
 * then the lowest CIDR ("packed"; ipamd itself walks a Go map). Null when none is free. Mutates the state.
 */
export function assignPodAddress(state: PoolState, limits: PoolLimits, now: number, cooldownSeconds: number): null | PodAddress {
  for (const eni of state.enis) {
    if (eni.trunk || eni.excluded) continue
    for (const cidr of eni.cidrs) {
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
