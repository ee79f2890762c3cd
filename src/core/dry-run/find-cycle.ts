import type {TimedAction} from './project-pool.js'

/** The actions a flapping pool repeats: the last `actions` of the list, again every `periodSeconds` from `fromSeconds`. */
export interface ActionCycle {
  actions: number
  fromSeconds: number
  periodSeconds: number
}

const same = (a: TimedAction, b: TimedAction): boolean => JSON.stringify(a.action) === JSON.stringify(b.action)

/**
 * The shortest block of actions that repeats, at a fixed period, at least twice up to the end of the list, and the
 * list cut after its first occurrence; null when the end does not repeat.
 */
export function findCycle(actions: TimedAction[]): null | {cycle: ActionCycle; lead: TimedAction[]} {
  const n = actions.length
  for (let k = 1; 2 * k <= n; k++) {
    const period = actions[n - 1].atSeconds - actions[n - 1 - k].atSeconds
    if (period <= 0) continue
    const matches = (i: number): boolean => same(actions[i], actions[i - k]) && actions[i].atSeconds - actions[i - k].atSeconds === period
    let i = n - 1
    while (i - k >= 0 && matches(i)) i--
    // Actions i+1 … n-1 repeat the ones k before them: the cycle's first occurrence starts at i+1-k.
    if (n - 1 - i < k) continue
    const from = i + 1 - k
    return {cycle: {actions: k, fromSeconds: actions[from].atSeconds, periodSeconds: period}, lead: actions.slice(0, from + k)}
  }

  return null
}
