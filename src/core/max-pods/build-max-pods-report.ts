import type {InstanceTypeLimits} from '../instance-type.js'
import {computeMaxPods, type MaxPodsOptions} from './compute-max-pods.js'
import type {MaxPodsReport} from './max-pods-report.js'
import {summarizeWarnings} from './summarize-warnings.js'

export function buildMaxPodsReport(
  types: InstanceTypeLimits[],
  options: MaxPodsOptions,
  data: MaxPodsReport['data'],
): MaxPodsReport {
  const results = types.map((limits) => computeMaxPods(limits, options))
  return {
    data,
    inputs: {
      cap: !options.noCap,
      cniVersion: options.cniVersion.text,
      customNetworking: options.customNetworking,
      maxEni: options.maxEni ?? null,
      prefix: options.prefixDelegation,
      securityGroupsForPods: options.securityGroupsForPods,
    },
    results,
    schemaVersion: 1,
    warnings: summarizeWarnings(results),
  }
}
