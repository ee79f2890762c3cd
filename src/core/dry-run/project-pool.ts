import {applyAction} from '../ipamd/apply-action.js'
import {decideActions} from '../ipamd/decide-actions.js'
import type {IpamdAction} from '../ipamd/ipamd-action.js'
import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import {assignPodAddress} from '../ipamd/place-pod.js'
import {MIN_ENI_AGE_SECONDS} from '../ipamd/plan-free-eni.js'
import {DECREASE_INTERVAL_SECONDS} from '../ipamd/plan-release.js'
import type {PoolState} from '../ipamd/pool-state.js'
import {INSUFFICIENT_CIDR_COOLDOWN_SECONDS} from '../ipamd/plan-growth.js'
import {type ActionCycle, findCycle} from './find-cycle.js'
import {refusal, spend, type SubnetBudget} from './subnet-budget.js'

/** ipamd's pool manager runs updateIPPoolIfRequired every 5 s (2.5 s sleeps either side, ipamd.go StartNodeIPPoolManager). */
export const RECONCILE_SECONDS = 5

/** A pool still acting after this many reconciles is flapping. */
const MAX_ROUNDS = 200

export interface TimedAction {
  action: IpamdAction
  /** Seconds from now, on ipamd's 5 s grid. */
  atSeconds: number
  /** The timer the pool waited on before this action, when it waited. */
  waitedFor?: string
}

export interface Projection {
  actions: TimedAction[]
  /** Why the pool wanted to change at the end but could not. */
  blocked: string[]
  /** A pool that never settles: the actions it repeats (the last ones of `actions`, which stops after their first round). */
  cycle: ActionCycle | null
  /** Pending pods that got an address along the way. */
  placed: number
  /** Growth EC2 would refuse because its subnet is full: not applied, so the pool stays as it was. */
  refused: TimedAction[]
  settled: boolean
  state: PoolState
}

/** The next moment a timer runs out (ENI age, release throttle, IP cooldown), after `clock`, and which; null when none will. */
function nextTimer(state: PoolState, config: IpamdConfig, clock: number): null | {at: number; why: string} {
  const timers: Array<{at: number; why: string}> = state.enis.map((eni) => ({at: eni.attachedAt + MIN_ENI_AGE_SECONDS, why: `an ENI's first ${MIN_ENI_AGE_SECONDS} s`}))
  if (state.lastDecreaseAt !== null) timers.push({at: state.lastDecreaseAt + DECREASE_INTERVAL_SECONDS, why: `the ${DECREASE_INTERVAL_SECONDS} s release throttle`})
  const cooldown = `IP_COOLDOWN_PERIOD ${config.ipCooldownSeconds} s`
  for (const eni of state.enis) for (const cidr of eni.cidrs) for (const t of cidr.coolingSince) timers.push({at: t + config.ipCooldownSeconds, why: cooldown})
  let next: null | {at: number; why: string} = null
  for (const timer of timers) if (timer.at >= clock && (next === null || timer.at < next.at)) next = timer
  return next
}

/**
 * Runs ipamd's decision function from the node's state until the pool settles: a reconcile now, one every 5 s
 * while it acts, and when it rests, the next reconcile after a timer runs out. Pending pods take addresses as
 * they appear. The state given is not changed.
 */
export function projectPool(
  initial: PoolState,
  config: IpamdConfig,
  limits: PoolLimits,
  now: number,
  pendingPods: number,
  subnets: SubnetBudget,
  /** Places pending pods in ipamd's random order instead of packed (assignPodAddress). */
  random?: () => number,
): Projection {
  const state = structuredClone(initial)
  const budget: SubnetBudget = {...subnets, free: new Map(subnets.free)}
  const actions: TimedAction[] = []
  const refusedActions: TimedAction[] = []
  const refusals = new Set<string>()
  const end = (settled: boolean): Projection => {
    const found = settled ? null : findCycle(actions)
    return {actions: found?.lead ?? actions, blocked: [...blocked, ...refusals], cycle: found?.cycle ?? null, placed, refused: refusedActions, settled, state}
  }
  let placed = 0
  let clock = now
  let blocked: string[] = []
  let waitedFor: string | undefined
  const place = (): void => {
    while (placed < pendingPods && assignPodAddress(state, limits, clock, config.ipCooldownSeconds, random)) placed++
  }

  place()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const decision = decideActions(state, config, limits, clock)
    blocked = decision.blocked
    let applied = 0
    let refusedNow = false
    for (const action of decision.actions) {
      const refused = refusal(state, action, budget, limits)
      if (refused) {
        // ipamd records a full subnet and grows again only after the freeze; nothing in the projection frees the
        // subnet or creates the missing one, so the retry would be refused too: the pool rests here.
        if (refused.freeze) state.insufficientCidrAt = clock
        refusedActions.push({action, atSeconds: clock - now})
        refusedNow = true
        refusals.add(refused.freeze ? `${refused.why}; ipamd retries every ${INSUFFICIENT_CIDR_COOLDOWN_SECONDS} s (insufficientCidrErrorCooldown) and is refused while the subnet stays full` : `${refused.why}; ipamd tries again every reconcile`)
        continue
      }

      spend(state, action, budget, limits)
      applyAction(state, action, clock)
      actions.push({action, atSeconds: clock - now, ...(waitedFor ? {waitedFor} : {})})
      applied++
    }

    if (refusedNow && applied === 0) return end(true)
    if (applied > 0) waitedFor = undefined
    if (applied > 0) {
      place()
      clock += RECONCILE_SECONDS
      continue
    }

    const timer = nextTimer(state, config, clock + 1)
    if (timer === null) return end(true)
    waitedFor = timer.why
    // The first reconcile after the timer, on the 5 s grid (a strict comparison there waits one more tick).
    clock = now + Math.ceil((timer.at + 1 - now) / RECONCILE_SECONDS) * RECONCILE_SECONDS
  }

  return end(false)
}
