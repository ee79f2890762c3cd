import {applyAction} from './apply-action.js'
import type {IpamdAction} from './ipamd-action.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'
import {isFreeable, MIN_ENI_AGE_SECONDS, planFreeEni, shouldRemoveExtraEnis} from './plan-free-eni.js'
import {INSUFFICIENT_CIDR_COOLDOWN_SECONDS, isGrowthFrozen, planGrowth} from './plan-growth.js'
import {isDecreaseThrottled, planRelease} from './plan-release.js'
import {computePoolStats, countAssigned, type PoolStats} from './pool-stats.js'
import type {EniState, PoolState} from './pool-state.js'
import {checkPoolTooLow, type LowCheck} from './target-state.js'

/** What one reconcile tick of ipamd would do now, and why. */
export interface IpamdDecision {
  actions: IpamdAction[]
  /** Why the pool wants to change but cannot (no ENI slot, max pods reached, release throttled). */
  blocked: string[]
  low: LowCheck
  stats: PoolStats
}

function ordered(enis: EniState[]): EniState[] {
  for (let i = 1; i < enis.length; i++) {
    if (enis[i - 1].deviceIndex > enis[i].deviceIndex) return [...enis].sort((a, b) => a.deviceIndex - b.deviceIndex)
  }

  return enis
}

/**
 * A copy to apply this tick's actions to. applyAction replaces or extends the ENI list and CIDR lists
 * but never changes a CIDR, so the CIDRs themselves are shared rather than copied.
 */
function copyForPlanning(state: PoolState): PoolState {
  return {...state, enis: state.enis.map((eni) => ({...eni, cidrs: [...eni.cidrs]}))}
}

function hasFreeingCandidate(enis: EniState[], now: number): boolean {
  return enis.some((eni) => isFreeable(eni) && now - eni.attachedAt >= MIN_ENI_AGE_SECONDS && countAssigned(eni) === 0)
}

/**
 * updateIPPoolIfRequired for the default network card: grow if too low (unless frozen after InsufficientCidrBlocks),
 * else release if too high (at most every 30 s), then free at most one surplus ENI, judged on the state after the first step.
 * Pure: the state is not changed. `explain: false` skips the texts (`blocked`, reason details) for the simulator's hot loop,
 * which also passes the `stats` it keeps (they must be computePoolStats of the state).
 */
export function decideActions(
  state: PoolState,
  config: IpamdConfig,
  limits: PoolLimits,
  now: number,
  explain = true,
  stats = computePoolStats(state, limits),
): IpamdDecision {
  const enis = ordered(state.enis)
  const low = checkPoolTooLow(stats, config, limits, explain)
  const actions: IpamdAction[] = []
  const blocked: string[] = []
  if (explain && low.cappedByMaxPods) blocked.push(`growth stopped at max pods: ${low.detail}`)
  if (low.low && isGrowthFrozen(state, now)) {
    if (explain) {
      const at = state.insufficientCidrAt!
      const until = at + INSUFFICIENT_CIDR_COOLDOWN_SECONDS
      blocked.push(`pool too low (${low.detail}) but growth waits until ${until} s: the subnet ran out (InsufficientCidrBlocks) at ${at} s`)
    }
  } else if (low.low) {
    const growth = planGrowth(state, enis, stats, config, limits, {detail: low.detail, target: low.target, why: 'pool-too-low'})
    if ('action' in growth) actions.push(growth.action)
    else if (explain) blocked.push(`pool too low (${low.detail}) but ${growth.blocked} (${limits.maxEni} ENIs on this type)`)
  } else {
    const release = planRelease(enis, stats, config, limits)
    if (release.length > 0 && isDecreaseThrottled(state.lastDecreaseAt, now)) {
      if (explain) blocked.push('pool too high but the last release was under 30 s ago')
    } else {
      actions.push(...release)
    }
  }

  let after = state
  // The free-ENI check must see this tick's growth or release; copying is needed only if some ENI could go.
  if (actions.length > 0 && hasFreeingCandidate(enis, now)) {
    after = copyForPlanning(state)
    for (const action of actions) applyAction(after, action, now)
  }

  const afterEnis = after === state ? enis : ordered(after.enis)
  const afterStats = after === state ? stats : computePoolStats(after, limits)
  if (shouldRemoveExtraEnis(afterEnis, afterStats, config, limits)) {
    const free = planFreeEni(afterEnis, config, limits, now)
    if (free) actions.push(free)
  }

  return {actions, blocked, low, stats}
}
