import type {AwsOptions} from '../aws/aws-options.js'
import type {Ec2CidrReservation} from './ec2-types.js'
import {runEc2Call} from './run-ec2-call.js'

/**
 * GetSubnetCidrReservations for each subnet (the API takes one subnet per request, so requests grow with subnets,
 * never with nodes), every page; IPv4 reservations only.
 */
export async function getSubnetCidrReservations(options: AwsOptions, subnetIds: string[]): Promise<Ec2CidrReservation[]> {
  if (subnetIds.length === 0) return []
  return runEc2Call(options, 'ec2:GetSubnetCidrReservations', async (sdk, client) => {
    const reservations: Ec2CidrReservation[] = []
    for (const subnetId of [...new Set(subnetIds)].sort()) {
      let nextToken: string | undefined
      do {
        const page = await client
          .send(new sdk.GetSubnetCidrReservationsCommand({MaxResults: 1000, NextToken: nextToken, SubnetId: subnetId}))
          .catch((error: {name?: string}) => {
            // As with the other by-id reads, a subnet EC2 does not know (an ENIConfig naming a deleted one) is simply absent.
            if (error.name === 'InvalidSubnetID.NotFound') return {NextToken: undefined, SubnetIpv4CidrReservations: []}
            throw error
          })
        for (const r of page.SubnetIpv4CidrReservations ?? []) {
          if (!r.Cidr || (r.ReservationType !== 'prefix' && r.ReservationType !== 'explicit')) continue
          reservations.push({cidr: r.Cidr, description: r.Description ?? null, reservationType: r.ReservationType, subnetId: r.SubnetId ?? subnetId})
        }

        nextToken = page.NextToken || undefined
      } while (nextToken)
    }

    return reservations
  })
}
