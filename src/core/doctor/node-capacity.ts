import {parseCniVersion} from '../cni-version.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {computeMaxPods, type MaxPodsResult, PREFIX_DELEGATION_BARE_METAL_MIN_CNI} from '../max-pods/compute-max-pods.js'
import type {AwsNodeSettings} from './aws-node-settings.js'
import type {DoctorNode} from './cluster-objects.js'

/** Nodes aws-node does not run on: Fargate gives each pod its own ENI, outside ipamd. */
export const isFargateNode = (node: DoctorNode): boolean =>
  node.labels['eks.amazonaws.com/compute-type'] === 'fargate' || node.name.startsWith('fargate-')

/**
 * What the node's ENIs can address in the cluster's mode, from the max-pods engine. A CNI version the image tag
 * does not tell is taken to have every mode the engine knows, so the settings are read as written.
 */
export function nodeMaxPods(limits: InstanceTypeLimits, settings: AwsNodeSettings, mode: {prefixDelegation?: boolean} = {}): MaxPodsResult {
  return computeMaxPods(limits, {
    cniVersion: settings.cniVersion ?? parseCniVersion(PREFIX_DELEGATION_BARE_METAL_MIN_CNI),
    customNetworking: settings.config.customNetworking,
    maxEni: settings.config.maxEni,
    noCap: false,
    prefixDelegation: mode.prefixDelegation ?? settings.config.prefixDelegation,
    securityGroupsForPods: settings.config.securityGroupsForPods,
  })
}

export function modeLabel(result: MaxPodsResult, settings: AwsNodeSettings): string {
  const parts = [result.mode === 'prefix' ? 'prefix delegation' : 'secondary IPs']
  if (settings.config.customNetworking) parts.push('custom networking')
  if (result.enis.trunkReserved > 0) parts.push('security groups for pods')
  if (result.enis.afterMaxEni < result.enis.defaultCard) parts.push(`MAX_ENI=${settings.config.maxEni}`)
  return parts.join(', ')
}

/** The `vpccni max-pods` command that prints the recommended value for this type in this mode. */
export function maxPodsCommand(result: MaxPodsResult, settings: AwsNodeSettings): string {
  const flags = [
    result.mode === 'prefix' ? '--prefix' : '',
    settings.config.customNetworking ? '--custom-networking' : '',
    settings.config.securityGroupsForPods ? '--security-groups-for-pods' : '',
    result.enis.afterMaxEni < result.enis.defaultCard ? `--max-eni ${settings.config.maxEni}` : '',
  ]
  return ['vpccni max-pods', result.instanceType, ...flags.filter(Boolean)].join(' ')
}
