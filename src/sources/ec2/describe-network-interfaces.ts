import type {AwsOptions} from '../aws/aws-options.js'
import {createCompactor} from '../compact.js'
import type {Ec2NetworkInterface} from './ec2-types.js'
import {batches, runEc2Call, toTags} from './run-ec2-call.js'

type SdkNetworkInterface = NonNullable<import('@aws-sdk/client-ec2').DescribeNetworkInterfacesResult['NetworkInterfaces']>[number]

/**
 * The ENIs attached to these instances (filter `attachment.instance-id`), every page, with the addresses
 * and prefixes ipamd put on them. Sorted by instance, network card, then device index.
 */
export function describeNetworkInterfaces(options: AwsOptions, instanceIds: string[]): Promise<Ec2NetworkInterface[]> {
  return listNetworkInterfaces(options, 'attachment.instance-id', instanceIds)
}

/**
 * Every ENI in these subnets (filter `subnet-id`), attached or not, whoever made it: what doctor needs to see
 * leaked ENIs and how the subnet's /28 blocks are used. Same order as describeNetworkInterfaces.
 */
export function describeSubnetNetworkInterfaces(options: AwsOptions, subnetIds: string[]): Promise<Ec2NetworkInterface[]> {
  return listNetworkInterfaces(options, 'subnet-id', subnetIds)
}

async function listNetworkInterfaces(options: AwsOptions, filter: string, values: string[]): Promise<Ec2NetworkInterface[]> {
  if (values.length === 0) return []
  return runEc2Call(options, 'ec2:DescribeNetworkInterfaces', async (sdk, client, deadline) => {
    // The id batches are independent: asked at once, their pages read in turn; each page renews the wait.
    const keep = createCompactor()
    const perBatch = await Promise.all(
      batches([...new Set(values)]).map(async (ids) => {
        const enis: Ec2NetworkInterface[] = []
        const pages = sdk.paginateDescribeNetworkInterfaces(
          {client},
          {Filters: [{Name: filter, Values: ids}], MaxResults: 1000},
          {abortSignal: deadline.signal},
        )
        for await (const page of pages) {
          deadline.renew()
          for (const eni of page.NetworkInterfaces ?? []) enis.push(keep(toNetworkInterface(eni)))
        }
        return enis
      }),
    )
    const enis = perBatch.flat()
    return enis.sort(byAttachment)
  })
}

function toNetworkInterface(eni: SdkNetworkInterface): Ec2NetworkInterface {
  const attachment = eni.Attachment
  const networkCardIndex = attachment?.NetworkCardIndex ?? 0
  const addresses = eni.PrivateIpAddresses ?? []
  return {
    attachment: attachment
      ? {
          attachTime: attachment.AttachTime?.toISOString() ?? null,
          attachmentId: attachment.AttachmentId ?? null,
          deviceIndex: attachment.DeviceIndex ?? null,
          instanceId: attachment.InstanceId ?? null,
          networkCardIndex,
          status: attachment.Status ?? null,
        }
      : null,
    availabilityZone: eni.AvailabilityZone ?? null,
    description: eni.Description ?? null,
    interfaceType: eni.InterfaceType ?? null,
    ipv4Prefixes: (eni.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix ?? '').filter(Boolean),
    networkInterfaceId: eni.NetworkInterfaceId ?? '',
    primary: attachment?.DeviceIndex === 0 && networkCardIndex === 0,
    privateIpAddress: eni.PrivateIpAddress ?? null,
    secondaryIpAddresses: addresses.filter((a) => !a.Primary && a.PrivateIpAddress).map((a) => a.PrivateIpAddress!),
    securityGroupIds: (eni.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
    status: eni.Status ?? null,
    subnetId: eni.SubnetId ?? null,
    tags: toTags(eni.TagSet),
    vpcId: eni.VpcId ?? null,
  }
}

function byAttachment(a: Ec2NetworkInterface, b: Ec2NetworkInterface): number {
  const key = (eni: Ec2NetworkInterface): [string, number, number] => [
    eni.attachment?.instanceId ?? '',
    eni.attachment?.networkCardIndex ?? 0,
    eni.attachment?.deviceIndex ?? 0,
  ]
  const [ia, ca, da] = key(a)
  const [ib, cb, db] = key(b)
  return ia === ib ? ca - cb || da - db : ia < ib ? -1 : 1
}
