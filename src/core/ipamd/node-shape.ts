import type {CniVersion} from '../cni-version.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {computeMaxPods} from '../max-pods/compute-max-pods.js'
import type {IpamdConfig} from './ipamd-config.js'

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
  if (explicit !== undefined) return explicit
  return computeMaxPods(instance, {
    cniVersion,
    customNetworking: settings.customNetworking,
    maxEni: settings.maxEni,
    noCap: false,
    prefixDelegation: settings.prefixDelegation,
    securityGroupsForPods: settings.securityGroupsForPods,
  }).maxPods
}
