import type {Ec2InstanceTypeRecord} from '../../core/instance-facts.js'
import {UserError} from '../../errors.js'
import type {AwsOptions} from '../aws/aws-options.js'
import {mapAwsError} from '../aws/map-aws-error.js'
import {runWithDeadline} from '../aws/run-with-deadline.js'
import {createEc2Client, loadEc2} from './create-ec2-client.js'

const CALL = 'ec2:DescribeInstanceTypes'

/** EC2 answered InvalidInstanceType: it does not offer some of the requested types. */
export class UnknownInstanceTypesError extends UserError {
  readonly names: string[]

  constructor(names: string[], cause: unknown) {
    super(`EC2 does not know ${names.map((n) => `"${n}"`).join(', ') || 'one of the instance types'}`, {cause})
    this.names = names
  }
}

/** DescribeInstanceTypes, every page; `instanceTypes` narrows the call, none means every type the region offers. */
export async function describeInstanceTypes(options: AwsOptions, instanceTypes?: string[]): Promise<Ec2InstanceTypeRecord[]> {
  const sdk = await loadEc2()
  const records: Ec2InstanceTypeRecord[] = []
  try {
    const client = await createEc2Client(options)
    await runWithDeadline(options, client, async (deadline) => {
      const pages = sdk.paginateDescribeInstanceTypes(
        {client},
        instanceTypes?.length ? {InstanceTypes: instanceTypes as never[]} : {MaxResults: 100},
        {abortSignal: deadline.signal},
      )
      for await (const page of pages) {
        deadline.renew()
        for (const info of page.InstanceTypes ?? []) records.push(toRecord(info))
      }
    })
  } catch (error) {
    if ((error as {name?: string}).name === 'InvalidInstanceType') {
      // "The following supplied instance types do not exist: [m5.lrage]"
      const named = /\[([^\]]*)\]/.exec((error as Error).message)?.[1]
      throw new UnknownInstanceTypesError(named ? named.split(/[\s,]+/).filter(Boolean) : [], error)
    }

    throw mapAwsError(CALL, error, options)
  }

  return records
}

type SdkInstanceTypeInfo = NonNullable<import('@aws-sdk/client-ec2').DescribeInstanceTypesCommandOutput['InstanceTypes']>[number]

/** Copies only what vpccni reads, so no SDK type leaves this module. */
function toRecord(info: SdkInstanceTypeInfo): Ec2InstanceTypeRecord {
  const net = info.NetworkInfo
  return {
    BareMetal: info.BareMetal,
    Hypervisor: info.Hypervisor,
    InstanceType: info.InstanceType,
    NetworkInfo: net && {
      DefaultNetworkCardIndex: net.DefaultNetworkCardIndex,
      Ipv4AddressesPerInterface: net.Ipv4AddressesPerInterface,
      MaximumNetworkInterfaces: net.MaximumNetworkInterfaces,
      NetworkCards: net.NetworkCards?.map((card) => ({
        MaximumNetworkInterfaces: card.MaximumNetworkInterfaces,
        NetworkCardIndex: card.NetworkCardIndex,
      })),
    },
    VCpuInfo: info.VCpuInfo && {DefaultVCpus: info.VCpuInfo.DefaultVCpus},
  }
}
