import type {DoctorFacts} from '../../core/doctor/doctor-input.js'
import type {InstanceTypeLimits} from '../../core/instance-type.js'
import {AWS_NODE_ENV_VARS} from '../../data/aws-node-env.generated.js'
import {findInstanceType} from '../../data/instance-catalog.js'
import {healthFacts} from './health-facts.js'

/** The embedded facts doctor's checks use: ipamd's env defaults, the instance types the cluster names, and its name. */
export function doctorFacts(instanceTypes: Iterable<null | string>, now: string, clusterName: null | string = null): DoctorFacts {
  const limits: Record<string, InstanceTypeLimits> = {}
  for (const type of instanceTypes) {
    const found = type ? findInstanceType(type) : undefined
    if (type && found) limits[type] = found
  }

  return {...healthFacts(), clusterName, envDefaults: Object.fromEntries(AWS_NODE_ENV_VARS.map((v) => [v.name, v.default])), instanceTypes: limits, now}
}
