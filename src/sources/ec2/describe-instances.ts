import type {AwsOptions} from '../aws/aws-options.js'
import {createCompactor} from '../compact.js'
import type {Ec2Instance} from './ec2-types.js'
import {batches, runEc2Call, toTags} from './run-ec2-call.js'

type SdkInstance = NonNullable<NonNullable<import('@aws-sdk/client-ec2').Reservation['Instances']>[number]>

/**
 * DescribeInstances for these instance ids (e.g. from nodes' `spec.providerID`), every page.
 * Ids go in an `instance-id` filter, so an id EC2 does not know is simply absent from the answer.
 */
export async function describeInstances(options: AwsOptions, instanceIds: string[]): Promise<Ec2Instance[]> {
  if (instanceIds.length === 0) return []
  return runEc2Call(options, 'ec2:DescribeInstances', async (sdk, client, deadline) => {
    const instances: Ec2Instance[] = []
    const keep = createCompactor()
    for (const ids of batches([...new Set(instanceIds)])) {
      const pages = sdk.paginateDescribeInstances({client}, {Filters: [{Name: 'instance-id', Values: ids}], MaxResults: 1000}, {abortSignal: deadline.signal})
      for await (const page of pages) {
        deadline.renew()
        for (const reservation of page.Reservations ?? []) {
          for (const instance of reservation.Instances ?? []) instances.push(keep(toInstance(instance)))
        }
      }
    }

    return instances
  })
}

function toInstance(instance: SdkInstance): Ec2Instance {
  const enis = [...(instance.NetworkInterfaces ?? [])].sort(
    (a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0),
  )
  return {
    availabilityZone: instance.Placement?.AvailabilityZone ?? null,
    instanceId: instance.InstanceId ?? '',
    instanceType: instance.InstanceType ?? null,
    launchTime: instance.LaunchTime?.toISOString() ?? null,
    metadataOptions: {httpEndpoint: instance.MetadataOptions?.HttpEndpoint ?? null, httpTokens: instance.MetadataOptions?.HttpTokens ?? null},
    networkInterfaceIds: enis.map((eni) => eni.NetworkInterfaceId ?? '').filter(Boolean),
    privateIpAddress: instance.PrivateIpAddress ?? null,
    state: instance.State?.Name ?? null,
    subnetId: instance.SubnetId ?? null,
    tags: toTags(instance.Tags),
    vpcId: instance.VpcId ?? null,
  }
}
