import type {CniVersion} from '../cni-version.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {computeMaxPods, type MaxPodsResult} from '../max-pods/compute-max-pods.js'
import type {IpamdConfig} from './ipamd-config.js'

function maxPodsOf(instance: InstanceTypeLimits, settings: Omit<IpamdConfig, 'maxPods'>, cniVersion: CniVersion): MaxPodsResult {
  return computeMaxPods(instance, {
    cniVersion,
    customNetworking: settings.customNetworking,
    maxEni: settings.maxEni,
    noCap: false,
    prefixDelegation: settings.prefixDelegation,
    securityGroupsForPods: settings.securityGroupsForPods,
  })
}

/**
 * kubelet max pods for the simulation: the user's value, else the recommended one for the type and
 * mode, as `vpccni max-pods` prints it.
 */
export function defaultMaxPods(
  instance: InstanceTypeLimits,
  settings: Omit<IpamdConfig, 'maxPods'>,
  cniVersion: CniVersion,
  explicit?: number,
): number {
  return explicit ?? maxPodsOf(instance, settings, cniVersion).maxPods
}

/** The pods the node's ENIs address in the simulated mode (the IP-limited value, before the 110/250 cap). */
export function ipLimitedPods(instance: InstanceTypeLimits, settings: Omit<IpamdConfig, 'maxPods'>, cniVersion: CniVersion): number {
  return maxPodsOf(instance, settings, cniVersion).uncappedMaxPods
}
