import type {IpamdConfig} from './ipamd-config.js'
import {MIN_ENI_AGE_SECONDS} from './plan-free-eni.js'
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

/**
 * When ipamd's decision could next differ with no pod event: a cooldown ends, an ENI turns one minute
 * old, or the release throttle lifts. Rounded up to the next tick; Infinity if nothing is pending.
 */
export function nextWakeTime(state: PoolState, config: IpamdConfig, now: number, podsWaiting: boolean, tick: number): number {
  // Plain loops, no closure: this runs after every quiet reconcile.
  let wake = podsWaiting ? now + tick : Infinity
  if (state.lastDecreaseAt !== null && state.lastDecreaseAt + DECREASE_INTERVAL_SECONDS > now) {
    wake = Math.min(wake, state.lastDecreaseAt + DECREASE_INTERVAL_SECONDS)
  }

  for (const eni of state.enis) {
    const grownUp = eni.attachedAt + MIN_ENI_AGE_SECONDS
    if (!eni.primary && grownUp > now && grownUp < wake) wake = grownUp
    for (const cidr of eni.cidrs) {
      for (const t of cidr.coolingSince) {
        const cooled = t + config.ipCooldownSeconds
        if (cooled > now && cooled < wake) wake = cooled
      }
    }
  }

  return wake === Infinity ? Infinity : now + Math.max(1, Math.ceil((wake - now) / tick)) * tick
}
