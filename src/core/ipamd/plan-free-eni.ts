import type {IpamdAction} from './ipamd-action.js'
import {type IpamdConfig, isWarmIpDefined, type PoolLimits} from './ipamd-config.js'
import {countAssigned, isCurrentMode, type PoolStats} from './pool-stats.js'
import {activeCooling, ADDRESSES_PER_PREFIX, cidrSize, type EniState} from './pool-state.js'
import type {WarmTarget} from './target-state.js'

/** minENILifeTime: ipamd never frees an ENI attached less than a minute ago. */
export const MIN_ENI_AGE_SECONDS = 60

const roundUpToPrefix = (n: number): number => Math.ceil(n / ADDRESSES_PER_PREFIX) * ADDRESSES_PER_PREFIX

/** Never freed whatever it holds: the primary, a trunk and an EFA ENI. */
export const isFreeable = (eni: EniState): boolean => !eni.primary && !eni.trunk && !eni.efa

/** shouldRemoveExtraENIs. */
export function shouldRemoveExtraEnis(enis: EniState[], stats: PoolStats, config: IpamdConfig, limits: PoolLimits): boolean {
  if (isWarmIpDefined(config)) return true
  const warm = (limits.prefixDelegation ? config.warmPrefixTarget : config.warmEniTarget) + 1
  if (stats.available >= warm * limits.maxIpsPerEni) return true
  // CheckFreeableENIexists: in PD an ENI without pods may go, subject to getDeletableENI's guards.
  return limits.prefixDelegation && enis.some((eni) => isFreeable(eni) && countAssigned(eni) === 0)
}

interface OtherEnis {
  freeIps: number
  freePrefixes: number
  totalIps: number
}

function sumOthers(enis: EniState[], skip: EniState, limits: PoolLimits): OtherEnis {
  const sums = {freeIps: 0, freePrefixes: 0, totalIps: 0}
  for (const eni of enis) {
    // ENIs excluded for pod IPs never count towards the targets (data_store.go, v1.20+).
    if (eni === skip || eni.excluded) continue
    for (const cidr of eni.cidrs) {
      // isRequiredForWarmPrefixTarget counts every CIDR without a pod as a free prefix, a leftover /32 too.
      if (cidr.assigned === 0) sums.freePrefixes++
      if (!isCurrentMode(cidr, limits)) continue
      sums.totalIps += cidrSize(cidr)
      sums.freeIps += cidrSize(cidr) - cidr.assigned
    }
  }

  return sums
}

/** isRequiredFor*: the target the other ENIs could not meet without this one, if any. */
function requiredFor(enis: EniState[], eni: EniState, config: IpamdConfig, limits: PoolLimits): undefined | WarmTarget {
  const others = sumOthers(enis, eni, limits)
  const pd = limits.prefixDelegation
  const wit = pd ? roundUpToPrefix(config.warmIpTarget) : config.warmIpTarget
  const mit = pd ? roundUpToPrefix(config.minimumIpTarget) : config.minimumIpTarget
  if (config.warmIpTarget !== 0 && others.freeIps < wit) return 'WARM_IP_TARGET'
  if (config.minimumIpTarget !== 0 && others.totalIps < mit) return 'MINIMUM_IP_TARGET'
  if (pd && config.warmPrefixTarget !== 0 && others.freePrefixes < config.warmPrefixTarget) return 'WARM_PREFIX_TARGET'
  return undefined
}

/** getDeletableENI + tryFreeENI: at most one ENI per tick. */
export function planFreeEni(enis: EniState[], config: IpamdConfig, limits: PoolLimits, now: number): IpamdAction | undefined {
  const target: WarmTarget = isWarmIpDefined(config)
    ? 'WARM_IP_TARGET'
    : limits.prefixDelegation
      ? 'WARM_PREFIX_TARGET'
      : 'WARM_ENI_TARGET'
  for (const eni of enis) {
    if (!isFreeable(eni) || now - eni.attachedAt < MIN_ENI_AGE_SECONDS) continue
    if (countAssigned(eni) > 0 || eni.cidrs.some((c) => activeCooling(c, now, config.ipCooldownSeconds) > 0)) continue
    if (requiredFor(enis, eni, config, limits)) continue
    return {eniId: eni.id, kind: 'free-eni', reason: {detail: `${eni.id} holds no pod and is not needed`, target, why: 'extra-eni'}}
  }

  return undefined
}
