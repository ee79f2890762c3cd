import {SourceError, UserError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'

/** A subnet's free IPv4 addresses as EC2 counts them (AvailableIpAddressCount), for "nodes until the subnet runs out". */
export interface SubnetFree {
  availabilityZone: null | string
  cidrBlock: null | string
  free: number
  /** Where the count came from: live EC2, or the snapshot that recorded it. */
  origin: string
  subnetId: string
}

/** `--subnet ID`: one DescribeSubnets call; an id EC2 does not know is bad input, named. */
export async function readSubnetFree(source: ClusterSource, subnetId: string): Promise<SubnetFree> {
  const [subnet] = await source.describeSubnets([subnetId])
  if (!subnet && source.origin.kind === 'snapshot') {
    throw new UserError(`subnet ${subnetId} is not in the snapshot ${source.origin.dir}`, {
      hint: 'a snapshot holds the subnets its nodes, ENIConfigs and EKS cluster use; pass --subnet-free N instead',
    })
  }

  if (!subnet) {
    const where = source.origin.region ? ` in ${source.origin.region}` : ''
    throw new UserError(`subnet ${subnetId} was not found${where}`, {hint: 'aws ec2 describe-subnets --query "Subnets[].[SubnetId,AvailableIpAddressCount]"'})
  }

  if (subnet.availableIpAddressCount === null) {
    throw new SourceError('ec2:DescribeSubnets', `subnet ${subnetId} reported no AvailableIpAddressCount`, {hint: 'pass --subnet-free N instead'})
  }

  const origin = source.origin.kind === 'snapshot' ? `EC2 DescribeSubnets as recorded in the snapshot ${source.origin.dir}` : 'EC2 DescribeSubnets'
  return {availabilityZone: subnet.availabilityZone, cidrBlock: subnet.cidrBlock, free: subnet.availableIpAddressCount, origin, subnetId: subnet.subnetId}
}
