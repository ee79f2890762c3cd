import {applyAction} from './apply-action.js'
import {decideActions} from './decide-actions.js'
import type {IpamdAction} from './ipamd-action.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'
import {assignPodAddress} from './place-pod.js'
import {MIN_ENI_AGE_SECONDS} from './plan-free-eni.js'
import {isGrowthFrozen} from './plan-growth.js'
import {DECREASE_INTERVAL_SECONDS} from './plan-release.js'
import {type PoolSnapshot, snapshotPool} from './pool-snapshot.js'
import {activeCooling, type PoolState} from './pool-state.js'

/** A pool that keeps acting after this many reconciles is flapping (allocate, free, allocate …). */
const MAX_SETTLE_STEPS = 100
/** The last reconciles of a settle that runs out of steps: a flap's period is a few reconciles, well within them. */
const FLAP_WATCH_FROM = MAX_SETTLE_STEPS / 2

export interface SettleResult {
  actions: IpamdAction[]
  /** The clock after settling. */
  now: number
  /** A pool that never settled: the most it held at any moment of the loop (the flap's high point). Null when it settled. */
  peak: null | PoolSnapshot
  /** False when the pool never stopped changing: WARM_ENI_TARGET=0 with custom networking, for one. */
  settled: boolean
  /** Waiting pods that got an address along the way. */
  placed: number
}

/**
 * Runs reconciles until ipamd has nothing left to do, letting every timer (ENI age, IP cooldown,
 * release throttle) elapse between two of them. `waitingPods` take addresses as soon as they appear,
 * as kubelet's retries would, placed packed or, with `random`, in ipamd's random order. Mutates the state.
 */
export function settlePool(
  state: PoolState,
  config: IpamdConfig,
  limits: PoolLimits,
  now: number,
  waitingPods = 0,
  random?: () => number,
): SettleResult {
  const step = Math.max(MIN_ENI_AGE_SECONDS, DECREASE_INTERVAL_SECONDS, config.ipCooldownSeconds) + 5
  const actions: IpamdAction[] = []
  let clock = now
  let placed = 0
  const placeWaiting = () => {
    while (placed < waitingPods && assignPodAddress(state, limits, clock, config.ipCooldownSeconds, random)) placed++
  }

  let peak: null | PoolSnapshot = null
  for (let i = 0; i < MAX_SETTLE_STEPS; i++) {
    const decision = decideActions(state, config, limits, clock)
    if (decision.actions.length === 0) {
      // Nothing for ipamd to do now, but a waiting pod may only need a cooling address to come free, or growth may
      // only wait for the freeze after InsufficientCidrBlocks: let those timers run out.
      const coolingForPod = placed < waitingPods && hasCoolingAddress(state, clock, config.ipCooldownSeconds)
      if (!coolingForPod && !(decision.low.low && isGrowthFrozen(state, clock))) {
        return {actions, now: clock, peak: null, placed, settled: true}
      }
    }

    for (const action of decision.actions) applyAction(state, action, clock)
    actions.push(...decision.actions)
    placeWaiting()
    // Only the flap's high point is needed, and only once a settle runs long: most settle in a few reconciles.
    if (i >= FLAP_WATCH_FROM) {
      const now = snapshotPool(state, limits)
      if (!peak || now.totalIps > peak.totalIps) peak = now
    }

    clock += step
    // Cooldowns that ended meanwhile free addresses without any action.
    placeWaiting()
  }

  return {actions, now: clock, peak, placed, settled: false}
}

function hasCoolingAddress(state: PoolState, now: number, cooldownSeconds: number): boolean {
  return state.enis.some((eni) => eni.cidrs.some((cidr) => activeCooling(cidr, now, cooldownSeconds) > 0))
}
