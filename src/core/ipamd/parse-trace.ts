import {UserError} from '../../errors.js'
import {quoteInput} from '../quote-input.js'
import {normalizeEvents, type PodEvent} from './workload.js'

const ROW = /^\s*(\d+(?:\.\d+)?)\s*,\s*([+-])\s*,\s*(\d+)\s*$/

/** Far above any node's max pods (11,762 for m5.metal with prefixes): the simulator places pods one by one. */
const MAX_PODS_PER_EVENT = 100_000

/**
 * A workload trace as CSV: `seconds,+|-,count` per line (pods arriving or leaving at that second).
 * Blank lines, `#` comments and a header (the first other line, if it starts with a letter) are skipped.
 */
export function parseTrace(text: string, name = 'trace'): PodEvent[] {
  const events: PodEvent[] = []
  const lines = text.split(/\r?\n/)
  let first = true
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const header = first && /^[a-z]/i.test(trimmed)
    first = false
    if (header) continue
    const match = ROW.exec(trimmed)
    if (!match) {
      throw new UserError(`${name} line ${i + 1}: expected "seconds,+|-,count", got ${quoteInput(trimmed)}`, {
        hint: 'e.g. "0,+,20" (20 pods arrive at 0 s) or "600,-,5" (5 pods leave at 600 s)',
      })
    }

    const count = Number(match[3])
    if (count > MAX_PODS_PER_EVENT) {
      throw new UserError(`${name} line ${i + 1}: ${match[3]} pods at once is more than any node runs (at most ${MAX_PODS_PER_EVENT})`)
    }

    events.push({atSeconds: Number(match[1]), delta: match[2] === '+' ? count : -count})
  }

  if (events.length === 0) throw new UserError(`${name} has no events`, {hint: 'one "seconds,+|-,count" line per event'})
  return normalizeEvents(events)
}

/** How long a trace runs: its last event plus ten minutes for the pool to settle. */
export const traceDurationSeconds = (events: PodEvent[]): number => Math.ceil((events.at(-1)?.atSeconds ?? 0) + 600)

/**
 * The most pods a trace puts on a node that starts with `pods` running. A departure of more pods than are running is
 * bad input: the trace and --pods disagree about the node, and quietly dropping it would simulate neither.
 */
export function tracePeakPods(pods: number, events: PodEvent[], name = 'trace'): number {
  let running = pods
  let peak = pods
  for (const event of events) {
    if (running + event.delta < 0) {
      throw new UserError(`${name}: ${-event.delta} pods leave at ${event.atSeconds} s while ${running} are running`, {
        hint: 'raise --pods to the pods already on the node, or fix the trace',
      })
    }

    running += event.delta
    peak = Math.max(peak, running)
  }

  return peak
}
