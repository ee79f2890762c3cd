import type {EC2Client} from '@aws-sdk/client-ec2'

import {type AddressPlan, createAddressPlan} from './address-plan.js'
import {DEFAULT_SCENARIO, type LabEni, type LabEniSpec, type LabNode, type LabScenario, type LabScenarioSpec} from './ec2-scenario-spec.js'

type Sdk = typeof import('@aws-sdk/client-ec2')

/**
 * Builds a VPC, subnets, node instances and their ENIs in moto with the real SDK, the way a cluster
 * running the VPC CNI looks from EC2. Give it the fault proxy's endpoint (it keeps the prefixes moto cannot),
 * then clear the proxy's records: these writes are the lab's, not vpccni's.
 */
export async function buildEc2Scenario(
  endpoint: string,
  spec: LabScenarioSpec = DEFAULT_SCENARIO,
  interfaceTypes = new Map<string, string>(),
): Promise<LabScenario> {
  const sdk = await import('@aws-sdk/client-ec2')
  const client = new sdk.EC2Client({
    credentials: {accessKeyId: 'AKIALABLABLABLAB', secretAccessKey: 'lab-secret'},
    endpoint,
    region: 'us-west-2',
  })
  try {
    const vpc = await client.send(new sdk.CreateVpcCommand({CidrBlock: spec.vpcCidr}))
    const vpcId = vpc.Vpc!.VpcId!
    const group = await client.send(
      new sdk.CreateSecurityGroupCommand({Description: 'lab nodes', GroupName: `${spec.clusterName}-nodes`, VpcId: vpcId}),
    )
    const securityGroupId = group.GroupId!
    const subnets: Array<{availabilityZone: string; cidr: string; plan: AddressPlan; subnetId: string}> = []
    for (const subnet of spec.subnets) {
      const made = await client.send(
        new sdk.CreateSubnetCommand({AvailabilityZone: subnet.availabilityZone, CidrBlock: subnet.cidr, VpcId: vpcId}),
      )
      const subnetId = made.Subnet!.SubnetId!
      const tags = Object.entries(subnet.tags ?? {}).map(([Key, Value]) => ({Key, Value}))
      if (tags.length > 0) await client.send(new sdk.CreateTagsCommand({Resources: [subnetId], Tags: tags}))
      // Reservations must lie where the address plan does not reach: between the IPs from the bottom and the prefixes from the top.
      for (const reservation of subnet.reservations ?? []) {
        await client.send(new sdk.CreateSubnetCidrReservationCommand({Cidr: reservation.cidr, ReservationType: reservation.type, SubnetId: subnetId}))
      }

      subnets.push({availabilityZone: subnet.availabilityZone, cidr: subnet.cidr, plan: createAddressPlan(subnet.cidr), subnetId})
    }

    const nodes: LabNode[] = []
    for (const node of spec.nodes) {
      const subnet = subnets[node.subnet]
      const run = await client.send(
        new sdk.RunInstancesCommand({
          ImageId: 'ami-12c6146b',
          InstanceType: node.instanceType as never,
          MaxCount: 1,
          MetadataOptions: node.metadataOptions,
          MinCount: 1,
          PrivateIpAddress: subnet.plan.nextIp(),
          SecurityGroupIds: [securityGroupId],
          SubnetId: subnet.subnetId,
          TagSpecifications: [{ResourceType: 'instance', Tags: [{Key: `kubernetes.io/cluster/${spec.clusterName}`, Value: 'owned'}]}],
        }),
      )
      const instance = run.Instances![0]
      const instanceId = instance.InstanceId!
      const primaryEniId = instance.NetworkInterfaces![0].NetworkInterfaceId!
      const enis: LabEni[] = []
      for (const [deviceIndex, eniSpec] of node.enis.entries()) {
        const eniSubnet = subnets[eniSpec.subnet ?? node.subnet]
        const context = {client, clusterName: spec.clusterName, instanceId, plan: eniSubnet.plan, sdk, securityGroupId, subnetId: eniSubnet.subnetId}
        const eni = await fillEni(context, deviceIndex, eniSpec, deviceIndex === 0 ? primaryEniId : undefined)
        if (eniSpec.interfaceType) interfaceTypes.set(eni.networkInterfaceId, eniSpec.interfaceType)
        enis.push(eni)
      }

      nodes.push({
        availabilityZone: subnet.availabilityZone,
        enis,
        instanceId,
        instanceType: node.instanceType,
        nodeGroup: node.nodeGroup ?? `ng-${node.instanceType.replace('.', '-')}`,
        privateIp: instance.PrivateIpAddress!,
        providerId: `aws:///${subnet.availabilityZone}/${instanceId}`,
        subnetId: subnet.subnetId,
      })
    }

    const looseEnis = []
    for (const loose of spec.looseEnis ?? []) {
      const subnet = subnets[loose.subnet]
      const context: EniContext = {client, clusterName: spec.clusterName, instanceId: '', plan: subnet.plan, sdk, securityGroupId, subnetId: subnet.subnetId}
      const eni = await createLooseEni(context, loose.kind, loose.createdAt, Array.from({length: loose.secondaryIps}, () => subnet.plan.nextIp()))
      looseEnis.push({kind: loose.kind, networkInterfaceId: eni, subnetId: subnet.subnetId})
    }

    for (const index of spec.scatterSubnets ?? []) {
      const subnet = subnets[index]
      const context: EniContext = {client, clusterName: spec.clusterName, instanceId: '', plan: subnet.plan, sdk, securityGroupId, subnetId: subnet.subnetId}
      const ips = subnet.plan.unusedBlocks().map((block) => block.replace(/\d+$/, (last) => String(Number(last) + 8)))
      const eni = await createLooseEni(context, 'other', undefined, ips)
      looseEnis.push({kind: 'other' as const, networkInterfaceId: eni, subnetId: subnet.subnetId})
    }

    const made = subnets.map(({plan: _plan, ...subnet}) => subnet)
    const ids = (indexes: number[]) => indexes.map((i) => subnets[i].subnetId)
    const nodeGroups = (spec.nodeGroups ?? []).map((g) => ({instanceTypes: g.instanceTypes, maxSize: g.maxSize, minSize: g.minSize ?? 0, name: g.name, subnetIds: ids(g.subnets)}))
    return {
      clusterIssues: spec.clusterIssues ?? [],
      clusterName: spec.clusterName,
      clusterSubnetIds: ids(spec.clusterSubnets ?? spec.subnets.map((_, i) => i)),
      looseEnis,
      nodeGroups,
      nodes,
      securityGroupId,
      subnets: made,
      vpcId,
    }
  } finally {
    client.destroy()
  }
}

interface EniContext {
  client: EC2Client
  clusterName: string
  instanceId: string
  plan: AddressPlan
  sdk: Sdk
  securityGroupId: string
  subnetId: string
}

/** An ENI attached to nothing: leaked by the CNI (its tags and description) or another service's, holding IPS. */
async function createLooseEni(context: EniContext, kind: 'cni' | 'other', createdAt: string | undefined, ips: string[]): Promise<string> {
  const {client, sdk} = context
  const tags = kind === 'cni'
    ? [
        {Key: 'node.k8s.amazonaws.com/instance_id', Value: 'i-0deadbeefdeadbeef'},
        {Key: 'cluster.k8s.amazonaws.com/name', Value: context.clusterName},
        ...(createdAt ? [{Key: 'node.k8s.amazonaws.com/createdAt', Value: createdAt}] : []),
      ]
    : [{Key: 'service', Value: 'elb'}]
  const created = await client.send(
    new sdk.CreateNetworkInterfaceCommand({
      Description: kind === 'cni' ? 'aws-K8S-i-0deadbeefdeadbeef' : 'ELB app/lab/0123456789abcdef',
      Groups: [context.securityGroupId],
      PrivateIpAddress: kind === 'cni' ? context.plan.nextIp() : ips[0],
      SubnetId: context.subnetId,
      TagSpecifications: [{ResourceType: 'network-interface', Tags: tags}],
    }),
  )
  const id = created.NetworkInterface!.NetworkInterfaceId!
  const rest = kind === 'cni' ? ips : ips.slice(1)
  if (rest.length > 0) await client.send(new sdk.AssignPrivateIpAddressesCommand({NetworkInterfaceId: id, PrivateIpAddresses: rest}))
  return id
}

/** Creates and attaches a secondary ENI (ipamd's tags and description) unless given the primary, then assigns addresses. */
async function fillEni(context: EniContext, deviceIndex: number, spec: LabEniSpec, existingId?: string): Promise<LabEni> {
  const {client, sdk} = context
  let networkInterfaceId = existingId
  if (!networkInterfaceId) {
    const tags = spec.tags
      ? Object.entries(spec.tags).map(([Key, Value]) => ({Key, Value}))
      : spec.unmanaged
        ? [{Key: 'node.k8s.amazonaws.com/no_manage', Value: 'true'}]
        : [
            {Key: 'node.k8s.amazonaws.com/instance_id', Value: context.instanceId},
            {Key: 'cluster.k8s.amazonaws.com/name', Value: context.clusterName},
          ]
    const created = await client.send(
      new sdk.CreateNetworkInterfaceCommand({
        Description: spec.unmanaged ? 'attached by another tool' : `aws-K8S-${context.instanceId}`,
        Groups: [context.securityGroupId],
        PrivateIpAddress: context.plan.nextIp(),
        SubnetId: context.subnetId,
        TagSpecifications: [{ResourceType: 'network-interface', Tags: tags}],
      }),
    )
    networkInterfaceId = created.NetworkInterface!.NetworkInterfaceId!
    await client.send(
      new sdk.AttachNetworkInterfaceCommand({DeviceIndex: deviceIndex, InstanceId: context.instanceId, NetworkInterfaceId: networkInterfaceId}),
    )
  }

  const assign =
    'prefixes' in spec
      ? {Ipv4Prefixes: Array.from({length: spec.prefixes}, () => context.plan.nextPrefix()), NetworkInterfaceId: networkInterfaceId}
      : {NetworkInterfaceId: networkInterfaceId, PrivateIpAddresses: Array.from({length: spec.secondaryIps}, () => context.plan.nextIp())}
  const count = 'prefixes' in spec ? spec.prefixes : spec.secondaryIps
  if (count > 0) await client.send(new sdk.AssignPrivateIpAddressesCommand(assign))
  const described = await client.send(new sdk.DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [networkInterfaceId]}))
  const eni = described.NetworkInterfaces![0]
  const addresses = eni.PrivateIpAddresses ?? []
  return {
    deviceIndex,
    networkInterfaceId,
    prefixes: (eni.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix!),
    primary: deviceIndex === 0,
    primaryIp: eni.PrivateIpAddress!,
    secondaryIps: addresses.filter((a) => !a.Primary).map((a) => a.PrivateIpAddress!),
    subnetId: context.subnetId,
  }
}
