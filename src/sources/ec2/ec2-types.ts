/** Plain, JSON-ready views of what EC2 reports; absent values are null so snapshots keep every key. */

export type Tags = Record<string, string>

export interface Ec2Instance {
  availabilityZone: null | string
  instanceId: string
  instanceType: null | string
  launchTime: null | string
  /** ENI ids in device-index order, as DescribeInstances lists them. */
  networkInterfaceIds: string[]
  privateIpAddress: null | string
  state: null | string
  subnetId: null | string
  tags: Tags
  vpcId: null | string
}

export interface Ec2EniAttachment {
  /** ISO 8601; ipamd counts an ENI's age from when it added it, no earlier than this. */
  attachTime: null | string
  attachmentId: null | string
  deviceIndex: null | number
  instanceId: null | string
  networkCardIndex: number
  status: null | string
}

export interface Ec2NetworkInterface {
  attachment: Ec2EniAttachment | null
  availabilityZone: null | string
  description: null | string
  /** `interface`, or `trunk`/`branch` for security groups for pods, `efa`, ... */
  interfaceType: null | string
  /** IPv4 prefixes (`10.0.1.16/28`) delegated to the ENI. */
  ipv4Prefixes: string[]
  networkInterfaceId: string
  /** The instance's primary ENI: device index 0 on network card 0. */
  primary: boolean
  privateIpAddress: null | string
  /** Secondary IPv4 addresses, the ENI's primary address excluded. */
  secondaryIpAddresses: string[]
  securityGroupIds: string[]
  status: null | string
  subnetId: null | string
  tags: Tags
  vpcId: null | string
}

export interface Ec2Subnet {
  availabilityZone: null | string
  availabilityZoneId: null | string
  availableIpAddressCount: null | number
  cidrBlock: null | string
  subnetId: string
  tags: Tags
  vpcId: null | string
}

/** The answer to "would this action be allowed?" from a DryRun call. */
export interface DryRunAnswer {
  /** `ec2:CreateNetworkInterface`, ... */
  action: string
  allowed: boolean
  /** EC2's error code: `DryRunOperation` (allowed) or `UnauthorizedOperation` (denied). */
  code: string
  message: string
}
