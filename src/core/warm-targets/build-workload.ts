import {normalizeEvents, type PodEvent} from '../ipamd/workload.js'

/** What the user told us about a node's pods. */
export interface WorkloadShape {
  /** Pods scheduled at once (a rollout), on top of the steady pods. */
  burst: number
  /** True when the user gave no --burst and the default rollout was assumed. */
  burstAssumed?: boolean
  /** Pod starts per minute in steady state (each replaces a pod). */
  churnPerMinute: number
  /** The most pods at a busy time. */
  peak: number
  /** Pods a node usually runs. */
  pods: number
}

export const WORKLOAD_SECONDS = 2 * 3600
const BURST_AT = 600
const BURST_HOLD = 600
const PEAK_AT = 3600
const RAMP = 600
const PEAK_HOLD = 1200

function ramp(events: PodEvent[], from: number, count: number, sign: 1 | -1): void {
  for (let i = 0; i < count; i++) events.push({atSeconds: from + Math.floor((i * RAMP) / count), delta: sign})
}

/**
 * Two hours of a node's life, starting from the steady pods already running: a burst at 10 min that
 * leaves 10 min later, a ramp to the peak from the first hour, and steady churn throughout.
 */
export function buildWorkload(shape: WorkloadShape): PodEvent[] {
  const events: PodEvent[] = []
  if (shape.burst > 0) {
    events.push({atSeconds: BURST_AT, delta: shape.burst}, {atSeconds: BURST_AT + BURST_HOLD, delta: -shape.burst})
  }

  const rise = Math.max(0, shape.peak - shape.pods)
  ramp(events, PEAK_AT, rise, 1)
  ramp(events, PEAK_AT + RAMP + PEAK_HOLD, rise, -1)
  if (shape.churnPerMinute > 0) {
    const every = 60 / shape.churnPerMinute
    for (let t = every; t < WORKLOAD_SECONDS; t += every) {
      const at = Math.round(t)
      events.push({atSeconds: at, delta: 1}, {atSeconds: at, delta: -1})
    }
  }

  return normalizeEvents(events)
}

/** Random churn: pod replacements at exponential intervals averaging `churnPerMinute`. */
export function randomChurn(random: () => number, churnPerMinute: number, durationSeconds: number): PodEvent[] {
  const events: PodEvent[] = []
  for (let t = 0; ; ) {
    t += (-Math.log(1 - random()) * 60) / churnPerMinute
    if (t >= durationSeconds) break
    const at = Math.round(t)
    events.push({atSeconds: at, delta: 1}, {atSeconds: at + Math.round(random() * 10), delta: -1})
  }

  return normalizeEvents(events)
}
