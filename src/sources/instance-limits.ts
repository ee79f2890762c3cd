import {limitsFromEc2Record, trunkRecordOf} from '../core/instance-facts.js'
import type {InstanceTypeLimits} from '../core/instance-type.js'
import type {MaxPodsReport} from '../core/max-pods/max-pods-report.js'
import {resolveInstanceTypes} from '../core/max-pods/resolve-instance-types.js'
import {
  allInstanceTypes,
  findInstanceType,
  INSTANCE_DATA_INFO,
  instanceTypeNames,
  normalizeInstanceType,
} from '../data/instance-catalog.js'
import {UserError} from '../errors.js'
import type {AwsOptions} from './aws/aws-options.js'

export type InstanceSource = 'ec2' | 'embedded'

export interface InstanceLimitsRequest {
  all: boolean
  aws: AwsOptions
  names: string[]
  source: InstanceSource
}

export interface InstanceLimitsAnswer {
  data: MaxPodsReport['data']
  types: InstanceTypeLimits[]
}

/** Instance limits from the embedded table, or live from EC2 DescribeInstanceTypes. */
export async function loadInstanceLimits(request: InstanceLimitsRequest): Promise<InstanceLimitsAnswer> {
  if (request.source === 'ec2') return loadFromEc2(request)
  const types = request.all ? allInstanceTypes() : resolveInstanceTypes(request.names, findInstanceType, instanceTypeNames)
  return {
    data: {generatedAt: INSTANCE_DATA_INFO.generatedAt, source: 'embedded', sources: INSTANCE_DATA_INFO.sources},
    types,
  }
}

async function loadFromEc2(request: InstanceLimitsRequest): Promise<InstanceLimitsAnswer> {
  const {describeInstanceTypes, UnknownInstanceTypesError} = await import('./ec2/describe-instance-types.js')
  const names = request.names.map((name) => normalizeInstanceType(name))
  let records
  try {
    records = await describeInstanceTypes(request.aws, request.all ? undefined : names)
  } catch (error) {
    // EC2 names the types it does not know: one the embedded table has is simply not offered there; else suggest.
    if (error instanceof UnknownInstanceTypesError) {
      const name = error.names[0] ?? names[0]
      if (findInstanceType(name)) {
        const where = request.aws.region ?? process.env.AWS_REGION
        throw new UserError(`EC2${where ? ` in ${where}` : ''} does not describe ${name}`, {hint: 'the embedded table has it: pass --source embedded'})
      }

      resolveInstanceTypes([name], () => undefined, instanceTypeNames)
    }

    throw error
  }

  // EC2 does not say whether a type can carry a trunk ENI: that comes from the embedded table.
  const byName = new Map<string, InstanceTypeLimits>()
  for (const record of records) {
    const embedded = record.InstanceType ? findInstanceType(record.InstanceType) : undefined
    const limits = limitsFromEc2Record(record, trunkRecordOf(embedded))
    if (limits) byName.set(limits.instanceType, limits)
  }

  const types = request.all
    ? [...byName.values()].sort((a, b) => (a.instanceType < b.instanceType ? -1 : 1))
    : resolveInstanceTypes(names, (name) => byName.get(name), () => [...byName.keys(), ...instanceTypeNames()])
  return {
    data: {region: request.aws.region ?? process.env.AWS_REGION, source: 'ec2', sources: [{description: 'EC2 DescribeInstanceTypes, live'}]},
    types,
  }
}
