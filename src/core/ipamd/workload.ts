import type {IpamdAction} from './ipamd-action.js'

/** Pods arriving (+) or leaving (−) at a moment, in seconds from the start. */
export interface PodEvent {
  atSeconds: number
  delta: number
}

/** How long EC2 takes to carry out each kind of action (ipamd waits for the call before its next tick). */
export interface Ec2Latency {
  assignSeconds: number
  attachEniSeconds: number
  freeEniSeconds: number
  releaseSeconds: number
}

/**
 * Typical figures: an ENI takes "up to 10 seconds" to create and attach (docs/eni-and-ip-target.md);
 * FreeENI waits 2 s between detach and delete; an Assign or Unassign call about a second.
 */
export const DEFAULT_EC2_LATENCY: Ec2Latency = {assignSeconds: 1, attachEniSeconds: 10, freeEniSeconds: 3, releaseSeconds: 1}

/** Sorts events by time; several events at one moment are merged into arrivals first, then departures. */
export function normalizeEvents(events: PodEvent[]): PodEvent[] {
  return events.filter((e) => e.delta !== 0).sort((a, b) => a.atSeconds - b.atSeconds || b.delta - a.delta)
}

/** How long ipamd is blocked carrying out a tick's actions. */
export function latencyOf(actions: IpamdAction[], latency: Ec2Latency): number {
  let seconds = 0
  for (const a of actions) {
    if (a.kind === 'assign') seconds += latency.assignSeconds
    else if (a.kind === 'attach-eni') seconds += latency.attachEniSeconds
    else if (a.kind === 'release') seconds += latency.releaseSeconds
    else seconds += latency.freeEniSeconds
  }

  return seconds
}
