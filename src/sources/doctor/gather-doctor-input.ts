import type {DoctorInput, DoctorReads, ReadOutcome} from '../../core/doctor/doctor-input.js'
import {clusterLabel} from '../../core/doctor/doctor-run.js'
import {accountOf} from '../../core/eks-cluster-arn.js'
import {quoteInput} from '../../core/quote-input.js'
import {SourceError, UserError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'
import {subnetsInUse} from '../subnets-in-use.js'
import {ClusterOutOfReach} from './cluster-out-of-reach.js'
import {doctorFacts} from './doctor-facts.js'
import {gatherHealthReads, systemPodsOf} from './gather-health.js'
import {blockedBy, eksOutcomeOf, outcomeOf} from './read-outcome.js'

const valueOr = <T>(outcome: ReadOutcome<T>): T | undefined => (outcome.ok ? outcome.value : undefined)

/**
 * The one gathering step of doctor: every read the checks need, each as an outcome. Kubernetes lists are paged and
 * go together with EKS; EC2 then gets the nodes' instances (ids in batches), and every ENI, free count and CIDR
 * reservation of the subnets in use (by subnet, never by node): requests grow with pages and subnets, not nodes.
 * Each read starts as soon as the reads it needs have answered, not when the slowest of the first round has: the
 * instances wait for the nodes only, the add-on's schema for the add-on (round trips add up, per cluster of a fleet).
 */
export async function gatherDoctorInput(source: ClusterSource, now: string, progress: (step: string) => void = () => {}): Promise<DoctorInput> {
  progress('reading Kubernetes and EKS')
  let outOfReach: SourceError | undefined
  const readServerVersion = () => source.readServerVersion().catch((error: unknown) => {
    if (error instanceof SourceError && error.outOfReach) outOfReach = error
    throw error
  })
  const listedNodes = outcomeOf(() => source.listNodes())
  const describedAddon = eksOutcomeOf(() => source.describeAddon())
  // The health reads (Warning events, NetworkPolicies, ...) and the instances run while the first round ends.
  const healthReads = describedAddon.then((addon) => gatherHealthReads(source, addon))
  const describedInstances = listedNodes.then((nodes) => {
    const instanceIds = [...new Set((valueOr(nodes) ?? []).map((n) => n.instanceId).filter((id): id is string => Boolean(id)))].sort()
    return blockedBy<DoctorReads['instances']>(nodes) ?? outcomeOf(() => source.describeInstances(instanceIds))
  })
  // Awaited below, or dropped when the gather stops early (closing the source aborts them): marked as heard now, since
  // a rejection nobody listens to would crash the process after the error line.
  const describedCluster = source.describeCluster()
  for (const started of [healthReads, describedInstances]) started.catch(() => undefined)
  const [serverVersion, nodes, pods, awsNode, cniConfigMap, eniConfigs, sandboxFailures, eksCluster, addon, nodeGroups] = await Promise.all([
    outcomeOf(readServerVersion),
    listedNodes,
    outcomeOf(() => source.listPods()),
    outcomeOf(() => source.readAwsNode()),
    outcomeOf(() => source.readCniConfigMap()),
    outcomeOf(() => source.listEniConfigs()),
    outcomeOf(() => source.listSandboxFailures()),
    eksOutcomeOf(() => describedCluster),
    describedAddon,
    eksOutcomeOf(() => source.listNodegroups()),
  ])
  // The API server out of reach (no kubeconfig, refused credentials, no connection, no answer in time) even for its
  // version: the cluster cannot be checked, which is one error and exit 3 as in every other command (a fleet's row),
  // not a report whose few EC2 checks would pass CI. A refusal of one list (403) stays that read's "not checked".
  // Named as its report would be, so the metrics can still say vpccni_doctor_up 0 for it.
  // The cluster's account, from its context's ARN: the same whether it is read or out of reach.
  const accountId = accountOf([source.origin.context?.name, source.origin.context?.cluster])
  if (outOfReach) {
    const {context, eksCluster, region} = source.origin
    throw new ClusterOutOfReach(outOfReach, clusterLabel({context: context?.name ?? null, name: eksCluster}), {
      context: context?.name ?? null,
      place: {accountId, region},
    })
  }

  refuseUnknownCluster(await describedCluster, source.origin)

  progress('reading EC2 instances')
  const instances = await describedInstances
  const subnetIds = subnetsInUse({cluster: valueOr(eksCluster), eniConfigs: valueOr(eniConfigs), instances: valueOr(instances), nodeGroups: valueOr(nodeGroups)})
  // No subnet named because the reads that name them failed: an empty ENI list would read as "no leaked ENIs".
  const unnamed = subnetIds.length === 0 ? [instances, eksCluster, nodeGroups].find((o) => !o.ok) : undefined
  progress(`reading ${subnetIds.length} subnets and their ENIs`)
  const [subnets, networkInterfaces, cidrReservations] = await Promise.all([
    (unnamed as ReadOutcome<DoctorReads['subnets']>) ?? outcomeOf(() => source.describeSubnets(subnetIds)),
    (unnamed as ReadOutcome<DoctorReads['networkInterfaces']>) ?? outcomeOf(() => source.describeSubnetNetworkInterfaces(subnetIds)),
    (unnamed as ReadOutcome<DoctorReads['cidrReservations']>) ?? outcomeOf(() => source.getSubnetCidrReservations(subnetIds)),
  ])
  const health = await healthReads
  const {context, eksCluster: name, kind, region, takenAt} = source.origin
  const types = [...(valueOr(nodes) ?? []).map((n) => n.instanceType), ...(valueOr(nodeGroups) ?? []).flatMap((g) => g.instanceTypes)]
  return {
    cluster: {accountId, context: context?.name ?? null, name, region, source: kind, takenAt},
    // A snapshot is checked as of when it was taken: ages (leaked ENIs) come out as they were then.
    facts: doctorFacts(types, takenAt ?? now, name),
    reads: {
      ...health, addon, awsNode, cidrReservations, cniConfigMap, eksCluster, eniConfigs, instances, networkInterfaces,
      nodeGroups, nodes, pods, sandboxFailures, serverVersion, subnets, systemPods: systemPodsOf(pods),
    },
  }
}

/**
 * A cluster EKS does not have (after the API server answered: a cluster out of reach is that first): a --cluster or
 * context ARN naming the wrong cluster, region or account (EKS answers credentials of another account the same) would
 * otherwise leave every EKS check "not checked" and exit 0, a CronJob left with its example CLUSTER_NAME passing quietly.
 */
function refuseUnknownCluster(answer: Awaited<ReturnType<ClusterSource['describeCluster']>>, {eksCluster, region}: ClusterSource['origin']): void {
  if (answer.available || !answer.notFound) return
  throw new UserError(`EKS has no cluster ${quoteInput(eksCluster ?? '')}${region ? ` in ${region}` : ''}`, {
    hint: 'check --cluster (or the context\'s ARN), --region, and that the AWS credentials are of the cluster\'s account: `aws eks list-clusters` lists what they see',
  })
}
