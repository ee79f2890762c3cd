import {MIN_ENI_AGE_SECONDS} from './plan-free-eni.js'
import {INSUFFICIENT_CIDR_COOLDOWN_SECONDS} from './plan-growth.js'
import {DECREASE_INTERVAL_SECONDS} from './plan-release.js'
import type {PoolSnapshot} from './pool-snapshot.js'
import type {PoolState} from './pool-state.js'
import type {TimelineSample} from './simulation-report.js'

/** Integrates addresses held and assigned over time, and samples the timeline. */
export interface RunClock {
  advance(to: number, timeline: TimelineSample[]): void
  assigned: number
  enis: number
  held: number
  means(): {assigned: number; held: number}
}

export function createRunClock(start: number, initial: PoolSnapshot, sampleEvery: number): RunClock {
  let last = start
  let heldArea = 0
  let assignedArea = 0
  let nextSample = start
  const clock: RunClock = {
    advance(to, timeline) {
      if (sampleEvery > 0) {
        for (; nextSample <= to; nextSample += sampleEvery) {
          timeline.push({assigned: clock.assigned, enis: clock.enis, held: clock.held, seconds: nextSample - start})
        }
      }

      heldArea += clock.held * (to - last)
      assignedArea += clock.assigned * (to - last)
      last = to
    },
    assigned: initial.assignedIps,
    enis: initial.enis,
    held: initial.totalIps,
    means: () => (last > start ? {assigned: assignedArea / (last - start), held: heldArea / (last - start)} : {assigned: 0, held: 0}),
  }
  return clock
}

/** The first tick at or after `wake`, at least one tick from now; Infinity stays Infinity. */
export const roundToTick = (wake: number, now: number, tick: number): number =>
  wake === Infinity ? Infinity : now + Math.max(1, Math.ceil((wake - now) / tick)) * tick

/**
 * When cooldowns end, in order: releases happen in time order, so a queue suffices. Entries of
 * addresses handed back to EC2 meanwhile stay; they only cause a reconcile that finds nothing new.
 */
export class CooldownQueue {
  private head = 0
  private readonly expiries: number[]

  constructor(state: PoolState, cooldownSeconds: number) {
    const all = state.enis.flatMap((eni) => eni.cidrs.flatMap((cidr) => cidr.coolingSince))
    this.expiries = all.sort((a, b) => a - b).map((t) => t + cooldownSeconds)
  }

  /**
   * The first expiry at or after `now`, dropping the ones already past. An address is still cooling at its expiry
   * (activeCooling), so a reconcile at that very moment must be followed by one after it.
   */
  next(now: number): number {
    while (this.head < this.expiries.length && this.expiries[this.head] < now) this.head++
    return this.head < this.expiries.length ? this.expiries[this.head] : Infinity
  }

  push(expiry: number): void {
    this.expiries.push(expiry)
  }
}

/**
 * When ipamd's decision could next differ with no pod event: a cooldown ends (`cooling`, from the
 * queue), an ENI turns one minute old, the release throttle lifts, or the freeze after InsufficientCidrBlocks ends. Infinity if nothing is pending.
 */
export function nextTimerExpiry(state: PoolState, now: number, cooling: number): number {
  let wake = cooling
  // Still throttled at the end of the interval itself (isDecreaseThrottled), so a wake at that moment counts too.
  if (state.lastDecreaseAt !== null && state.lastDecreaseAt + DECREASE_INTERVAL_SECONDS >= now) {
    wake = Math.min(wake, state.lastDecreaseAt + DECREASE_INTERVAL_SECONDS)
  }

  const thaw = state.insufficientCidrAt == null ? -Infinity : state.insufficientCidrAt + INSUFFICIENT_CIDR_COOLDOWN_SECONDS
  if (thaw >= now) wake = Math.min(wake, thaw)
  for (const eni of state.enis) {
    const grownUp = eni.attachedAt + MIN_ENI_AGE_SECONDS
    if (!eni.primary && grownUp > now && grownUp < wake) wake = grownUp
  }

  return wake
}
