import type {InstanceTypeLimits} from '../instance-type.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'

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
