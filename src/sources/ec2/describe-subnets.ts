import type {AwsOptions} from '../aws/aws-options.js'
import type {Ec2Subnet} from './ec2-types.js'
import {batches, runEc2Call, toTags} from './run-ec2-call.js'

type SdkSubnet = NonNullable<import('@aws-sdk/client-ec2').DescribeSubnetsResult['Subnets']>[number]

/**
 * DescribeSubnets for these subnet ids (a `subnet-id` filter, so an unknown id is absent, not an error),
 * or every subnet of the region when none are given.
 */
export async function describeSubnets(options: AwsOptions, subnetIds?: string[]): Promise<Ec2Subnet[]> {
  if (subnetIds?.length === 0) return []
  return runEc2Call(options, 'ec2:DescribeSubnets', async (sdk, client, deadline) => {
    const subnets: Ec2Subnet[] = []
    const requests = subnetIds ? batches([...new Set(subnetIds)]).map((ids) => [{Name: 'subnet-id', Values: ids}]) : [undefined]
    for (const filters of requests) {
      for await (const page of sdk.paginateDescribeSubnets({client}, {Filters: filters, MaxResults: 1000}, {abortSignal: deadline.signal})) {
        deadline.renew()
        for (const subnet of page.Subnets ?? []) subnets.push(toSubnet(subnet))
      }
    }

    return subnets
  })
}

function toSubnet(subnet: SdkSubnet): Ec2Subnet {
  return {
    availabilityZone: subnet.AvailabilityZone ?? null,
    availabilityZoneId: subnet.AvailabilityZoneId ?? null,
    availableIpAddressCount: subnet.AvailableIpAddressCount ?? null,
    cidrBlock: subnet.CidrBlock ?? null,
    subnetId: subnet.SubnetId ?? '',
    tags: toTags(subnet.Tags),
    vpcId: subnet.VpcId ?? null,
  }
}
