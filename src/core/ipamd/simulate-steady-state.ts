import type {IpamdConfig, PoolLimits} from './ipamd-config.js'
import {assignPodAddress} from './place-pod.js'
import {type PoolSnapshot, snapshotPool} from './pool-snapshot.js'
import {createInitialState, latestTime, type PoolState} from './pool-state.js'
import {settlePool} from './settle-pool.js'

export interface SteadyStep extends PoolSnapshot {
  pods: number
  /** False when, with this many pods, ipamd never stops acting (attach, free, attach …): the snapshot is one moment of the loop. */
  settled: boolean
}

export interface SteadyStateResult {
  /** The pool never settled with all the pods: the most it held in the loop (ENIs attached and freed over and over). */
  flapPeak: null | PoolSnapshot
  /** The clock once the last pod's pool settled: every timer in `state` has run out by then, and a later run starts here. */
  now: number
  /** Pods that found no address even after the pool settled (they stay in ContainerCreating). */
  podsWithoutAddress: number
  /** Whether the pool with all `pods` settles; an earlier pod count that flaps is in its step. */
  settled: boolean
  state: PoolState
  steadyState: PoolSnapshot
  /** The pool after 0, 1, … N pods. */
  steps: SteadyStep[]
}

/**
 * Pods arrive one at a time; after each the pool settles with every timer elapsed. A pod that finds
 * no free address waits for the pool to settle once, then gives up. Pods are packed, or with `random`
 * placed in ipamd's random (Go map) order.
 */
export function simulateSteadyState(
  config: IpamdConfig,
  limits: PoolLimits,
  pods: number,
  initial?: PoolState,
  random?: () => number,
): SteadyStateResult {
  const trunk = config.securityGroupsForPods && limits.trunkCapable
  const state = initial ?? createInitialState({now: 0, trunk})
  let {now, peak, settled} = settlePool(state, config, limits, latestTime(state), 0, random)
  const steps: SteadyStep[] = [{pods: 0, settled, ...snapshotPool(state, limits)}]
  let podsWithoutAddress = 0
  for (let pod = 1; pod <= pods; pod++) {
    const waiting = assignPodAddress(state, limits, now, config.ipCooldownSeconds, random) ? 0 : 1
    const settle = settlePool(state, config, limits, now, waiting, random)
    podsWithoutAddress += waiting - settle.placed
    now = settle.now
    // The next pod can end a flap (it takes the address the loop kept freeing): only the last count's outcome describes the result.
    settled = settle.settled
    peak = settle.peak
    steps.push({pods: pod, settled, ...snapshotPool(state, limits)})
  }

  return {flapPeak: settled ? null : peak, now, podsWithoutAddress, settled, state, steadyState: snapshotPool(state, limits), steps}
}
