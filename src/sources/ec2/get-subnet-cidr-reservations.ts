import type {AwsOptions} from '../aws/aws-options.js'
import type {Ec2CidrReservation} from './ec2-types.js'
import {batches, runEc2Call} from './run-ec2-call.js'

/** Subnets asked at once: the API takes one subnet per request, and EC2 throttles bursts. */
const PARALLEL = 8

/**
 * GetSubnetCidrReservations for each subnet (the API takes one subnet per request, so requests grow with subnets,
 * never with nodes), every page; IPv4 reservations only. Subnets are asked several at once, their pages in turn: one
 * after another, a cluster over three subnets waited three round trips where one will do.
 */
export async function getSubnetCidrReservations(options: AwsOptions, subnetIds: string[]): Promise<Ec2CidrReservation[]> {
  if (subnetIds.length === 0) return []
  return runEc2Call(options, 'ec2:GetSubnetCidrReservations', async (sdk, client) => {
    const reservations: Ec2CidrReservation[] = []
    for (const batch of batches([...new Set(subnetIds)].sort(), PARALLEL)) {
      const perSubnet = await Promise.all(batch.map(async (subnetId) => {
        const found: Ec2CidrReservation[] = []
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
            found.push({cidr: r.Cidr, description: r.Description ?? null, reservationType: r.ReservationType, subnetId: r.SubnetId ?? subnetId})
          }

          nextToken = page.NextToken || undefined
        } while (nextToken)
        return found
      }))
      reservations.push(...perSubnet.flat())
    }

    return reservations
  })
}
