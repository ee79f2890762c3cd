import type {InstanceTypeLimits} from '../instance-type.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'

/**
 * WARM_IP_TARGET=0 with MINIMUM_IP_TARGET>0 (algorithm errata 1): once the pool holds the minimum it is never "too low"
 * again, so it stops growing there and pods beyond it get no address. Null when the settings do not freeze growth.
 */
export function describeMinimumOnlyFreeze(config: IpamdConfig): null | string {
  if (config.warmIpTarget !== 0 || config.minimumIpTarget <= 0) return null
  return `MINIMUM_IP_TARGET=${config.minimumIpTarget} without WARM_IP_TARGET: the pool stops growing at the minimum (pods beyond it get no address)`
}

/** Where the node will not do what the settings ask: a mode the type lacks. */
export function describeModeWarnings(config: IpamdConfig, instance: InstanceTypeLimits, limits: PoolLimits): string[] {
  const warnings: string[] = []
  if (config.prefixDelegation && !limits.prefixDelegation) {
    warnings.push(`${instance.instanceType} is not Nitro or bare metal: ipamd falls back to secondary IPs`)
  }

  if (config.securityGroupsForPods && !limits.trunkCapable) {
    warnings.push(`${instance.instanceType} cannot carry a trunk ENI: no security groups for pods, no slot reserved`)
  }

  return warnings
}
