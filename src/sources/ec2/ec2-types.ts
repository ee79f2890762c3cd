import type {DoctorCidrReservation, DoctorEni, DoctorSubnet} from '../../core/doctor/cluster-objects.js'

/** Plain, JSON-ready views of what EC2 reports; absent values are null so snapshots keep every key. */

export type Tags = Record<string, string>

export interface Ec2Instance {
  availabilityZone: null | string
  instanceId: string
  instanceType: null | string
  launchTime: null | string
  /** `MetadataOptions`: ipamd reads the ENIs' addresses from IMDS. */
  metadataOptions: {httpEndpoint: null | string; httpTokens: null | string}
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

export interface Ec2NetworkInterface extends DoctorEni {
  attachment: Ec2EniAttachment | null
  securityGroupIds: string[]
  vpcId: null | string
}

export interface Ec2Subnet extends DoctorSubnet {
  availabilityZoneId: null | string
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

/** A subnet CIDR reservation (GetSubnetCidrReservations): `prefix` keeps the range for delegated /28 prefixes. */
export interface Ec2CidrReservation extends DoctorCidrReservation {
  description: null | string
}
