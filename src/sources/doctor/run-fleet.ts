import type {FleetMember} from '../../core/doctor/fleet.js'
import type {CheckSelection} from '../../core/doctor/select-checks.js'
import {describeError} from '../../format-error.js'
import {AwsClients} from '../aws/aws-clients.js'
import type {KubeContextTarget} from '../kubernetes/kube-contexts.js'
import type {LiveSourceFlags} from '../live-cluster-source.js'
import {ClusterOutOfReach} from './cluster-out-of-reach.js'
import {runDoctor} from './run-doctor.js'

/**
 * doctor on every context, at most CONCURRENCY at a time. Each cluster gets its own region (--region, else its ARN's:
 * one AWS_REGION cannot be right for a fleet across regions) and AWS profile (--profile, else its exec env's), and
 * shares its SDK clients with the fleet's other clusters of that region and profile. One that fails is recorded with
 * its error and does not stop the others. Results keep the order the contexts were given.
 */
export async function runFleet(
  targets: KubeContextTarget[],
  flags: LiveSourceFlags,
  selection: CheckSelection,
  concurrency: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<FleetMember[]> {
  const members: FleetMember[] = new Array(targets.length)
  // Clusters of one region and profile share their SDK clients: credentials resolved (an SSO or assume-role profile's
  // STS calls made) and connections to EC2 and EKS opened once, not once per cluster.
  const sharedAwsClients = new AwsClients()
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < targets.length) {
      const index = next++
      const target = targets[index]
      const clusterFlags = {...flags, context: target.name, profile: flags.profile ?? target.profile, region: flags.region ?? target.region, sharedAwsClients}
      try {
        const run = await runDoctor(clusterFlags, selection)
        members[index] = {context: target.name, run}
      } catch (error) {
        const {exitCode, hint, message} = describeError(error, 'doctor')
        const place = error instanceof ClusterOutOfReach ? error.where.place : undefined
        members[index] = {context: target.name, error: {exitCode, hint, message}, ...(place ? {place} : {})}
      }

      progress(++done, targets.length)
    }
  }

  try {
    await Promise.all(Array.from({length: Math.min(concurrency, targets.length)}, worker))
  } finally {
    sharedAwsClients.destroy()
  }

  return members
}
