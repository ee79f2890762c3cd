import type {DoctorFacts} from '../../core/doctor/doctor-input.js'
import type {InstanceTypeLimits} from '../../core/instance-type.js'
import {AWS_NODE_ENV_VARS} from '../../data/aws-node-env.generated.js'
import {findInstanceType} from '../../data/instance-catalog.js'
import {healthFacts} from './health-facts.js'

/** The embedded facts doctor's checks use: ipamd's env defaults and the instance types the cluster names. */
export function doctorFacts(instanceTypes: Iterable<null | string>, now: string): DoctorFacts {
  const limits: Record<string, InstanceTypeLimits> = {}
  for (const type of instanceTypes) {
    const found = type ? findInstanceType(type) : undefined
    if (type && found) limits[type] = found
  }

  return {...healthFacts(), envDefaults: Object.fromEntries(AWS_NODE_ENV_VARS.map((v) => [v.name, v.default])), instanceTypes: limits, now}
}
