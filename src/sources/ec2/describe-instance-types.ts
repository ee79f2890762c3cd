import type {Ec2InstanceTypeRecord} from '../../core/instance-facts.js'
import {UserError} from '../../errors.js'
import type {AwsOptions} from '../aws/aws-options.js'
import {mapAwsError} from '../aws/map-aws-error.js'
import {createEc2Client, loadEc2} from './create-ec2-client.js'

const CALL = 'ec2:DescribeInstanceTypes'

/** DescribeInstanceTypes, every page; `instanceTypes` narrows the call, none means every type the region offers. */
export async function describeInstanceTypes(options: AwsOptions, instanceTypes?: string[]): Promise<Ec2InstanceTypeRecord[]> {
  const sdk = await loadEc2()
  const client = await createEc2Client(options)
  const records: Ec2InstanceTypeRecord[] = []
  try {
    const pages = sdk.paginateDescribeInstanceTypes(
      {client},
      instanceTypes?.length ? {InstanceTypes: instanceTypes as never[]} : {MaxResults: 100},
    )
    for await (const page of pages) {
      for (const info of page.InstanceTypes ?? []) records.push(toRecord(info))
    }
  } catch (error) {
    const name = (error as {name?: string}).name
    if (name === 'InvalidInstanceType') {
      throw new UserError(`EC2 does not know ${(error as Error).message.replace(/^.*?:\s*/, '') || 'one of the instance types'}`, {cause: error})
    }

    throw mapAwsError(CALL, error)
  } finally {
    client.destroy()
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
