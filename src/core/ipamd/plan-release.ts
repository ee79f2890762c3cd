import type {IpamdAction} from './ipamd-action.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'
import type {PoolStats} from './pool-stats.js'
import type {EniState} from './pool-state.js'
import {computeExcess} from './target-state.js'

/** decreaseIPPoolInterval: ipamd releases IPs or prefixes at most once every 30 s. */
export const DECREASE_INTERVAL_SECONDS = 30

/**
 * tryUnassignCidrsFromAll: the surplus CIDRs with no pod, ENI by ENI. Addresses still in pod cooldown
 * are released too, as in ipamd, and so are CIDRs of the other mode (FindFreeableCidrs takes any):
 * each counts as one of the surplus. One Unassign call per ENI and kind (DeallocCidrs: prefixes, then IPs).
 */
export function planRelease(enis: EniState[], stats: PoolStats, config: IpamdConfig, limits: PoolLimits): IpamdAction[] {
  const {over, target} = computeExcess(stats, config, limits)
  if (over <= 0) return []
  const reason = {
    detail: `${over} ${limits.prefixDelegation ? 'prefix(es)' : 'IP(s)'} above target (available ${stats.available} of ${stats.totalIps})`,
    target,
    why: 'pool-too-high' as const,
  }
  const actions: IpamdAction[] = []
  let left = over
  for (const eni of enis) {
    if (left === 0) break
    let prefixes: string[] | undefined
    let addresses: string[] | undefined
    for (const cidr of eni.cidrs) {
      if (left === 0) break
      if (cidr.assigned === 0) {
        if (cidr.prefix) (prefixes ??= []).push(cidr.id)
        else (addresses ??= []).push(cidr.id)
        left--
      }
    }

    if (prefixes) actions.push({cidrIds: prefixes, eniId: eni.id, kind: 'release', reason, unit: 'prefix'})
    if (addresses) actions.push({cidrIds: addresses, eniId: eni.id, kind: 'release', reason, unit: 'ip'})
  }

  return actions
}

/** shouldSkipDataStorePoolDecrease: still throttled at exactly 30 s (`<=`). */
export const isDecreaseThrottled = (lastDecreaseAt: null | number, now: number): boolean =>
  lastDecreaseAt !== null && now - lastDecreaseAt <= DECREASE_INTERVAL_SECONDS
