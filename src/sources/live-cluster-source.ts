import {setMaxListeners} from 'node:events'

import type {EksClusterChoice} from '../core/eks-cluster-arn.js'
import {chooseEksCluster} from '../core/eks-cluster-arn.js'
import {AwsClients} from './aws/aws-clients.js'
import {type AwsOptions, awsOptionsFromFlags} from './aws/aws-options.js'
import type {ClusterOrigin, ClusterSource} from './cluster-source.js'
import {SourcesClosed} from './deadline.js'
import {describeInstances} from './ec2/describe-instances.js'
import {describeNetworkInterfaces, describeSubnetNetworkInterfaces} from './ec2/describe-network-interfaces.js'
import {describeSubnets} from './ec2/describe-subnets.js'
import {getSubnetCidrReservations} from './ec2/get-subnet-cidr-reservations.js'
import {describeAddonConfiguration} from './eks/describe-addon-configuration.js'
import {describeAddonVersions} from './eks/describe-addon-versions.js'
import {describeAddon} from './eks/describe-addon.js'
import {describeCluster} from './eks/describe-cluster.js'
import {type ClusterUnknown, clusterUnknownAnswer} from './eks/eks-target.js'
import {listNodegroups} from './eks/list-nodegroups.js'
import type {EksAnswer} from './eks/eks-types.js'
import {createKubernetesSource, type KubernetesSource} from './kubernetes/kubernetes-source.js'
import {kubernetesOptionsFromFlags} from './kubernetes/kubernetes-options.js'

/** The shared live flags (src/live-flags.ts). */
export interface LiveSourceFlags {
  cluster?: string
  context?: string
  kubeconfig?: string
  profile?: string
  region?: string
  'request-timeout': number
  /**
   * Not a flag: set by a fleet, the SDK clients its clusters share (one per service, region and profile), which the
   * fleet destroys when every cluster is done. Twenty clusters of one account then resolve their credentials once.
   */
  sharedAwsClients?: AwsClients
}

/**
 * The live ClusterSource. Nothing is contacted until a call needs it, so a command that only asks EC2 works
 * without a kubeconfig. The AWS region is `--region`, else the region in the kubeconfig context's EKS cluster ARN
 * (or eksctl name), else AWS_REGION / AWS_DEFAULT_REGION, else the SDK's own chain (the profile's region).
 */
export function createLiveClusterSource(flags: LiveSourceFlags): ClusterSource {
  const origin: ClusterOrigin = {context: null, dir: null, eksCluster: null, kind: 'live', region: flags.region ?? null, takenAt: null}
  // Closing aborts every call still in flight: once one call failed the command, nothing else is waited for.
  const closing = new AbortController()
  // Every call in flight listens to it (doctor runs tens at once): Node's leak warning at 10 would be noise on stderr.
  setMaxListeners(0, closing.signal)
  let kube: Promise<KubernetesSource> | undefined
  const kubernetes = (): Promise<KubernetesSource> => {
    kube ??= createKubernetesSource(kubernetesOptionsFromFlags(flags, closing.signal)).then((source) => {
      origin.context = source.context
      return source
    })
    return kube
  }

  /** The EKS cluster named by --cluster or the kubeconfig context; a missing kubeconfig only means "no name". */
  let eksChoice: Promise<EksClusterChoice | undefined> | undefined
  let unknown: ClusterUnknown = 'unnamed-context'
  const chooseCluster = (): Promise<EksClusterChoice | undefined> => {
    eksChoice ??= (async () => {
      if (flags.cluster) return chooseEksCluster(flags.cluster, [])
      // The context's names only: no exec plugin need run (aws eks get-token) for a command that asks only AWS.
      const {currentContextInfo} = await import('./kubernetes/kube-contexts.js')
      const current = await currentContextInfo(flags.kubeconfig, flags.context).catch(() => undefined)
      const context = current?.info
      if (context) origin.context ??= context
      if (!current) unknown = 'no-context'
      else if (current.inCluster) unknown = 'in-cluster'
      return chooseEksCluster(undefined, [context?.name, context?.cluster])
    })().then((choice) => {
      origin.eksCluster = choice?.clusterName ?? null
      return choice
    })
    return eksChoice
  }

  // One client per AWS service for all of this source's calls, destroyed when it closes (a fleet's outlive it).
  const clients = flags.sharedAwsClients ?? new AwsClients()
  const base = {...awsOptionsFromFlags(flags), clients, signal: closing.signal}
  const envRegion = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION
  let warnedRegion = false
  const aws = async (): Promise<AwsOptions> => {
    // The cluster's ARN says where it lives; AWS_REGION is only a default, and the wrong one would read another
    // region's EC2 (instances "not found") for a cluster whose context says otherwise.
    const choice = await chooseCluster()
    if (base.region && choice?.region && choice.region !== base.region && !warnedRegion) {
      // Taken as asked (a cluster can be read across a region only by mistake, but the flag is the user's word), said once.
      warnedRegion = true
      process.stderr.write(`warning: --region ${base.region} is not the region of the context's EKS cluster ARN (${choice.region}): EC2 and EKS are read in ${base.region}\n`)
    }

    const region = base.region ?? choice?.region ?? envRegion
    if (region) origin.region = region
    return {...base, region}
  }

  const eks = async <T>(call: string, ask: (options: AwsOptions, clusterName: string) => Promise<EksAnswer<T>>): Promise<EksAnswer<T>> => {
    const choice = await chooseCluster()
    return choice ? ask(await aws(), choice.clusterName) : clusterUnknownAnswer<T>(call, unknown)
  }

  return {
    close: () => {
      closing.abort(new SourcesClosed())
      if (!flags.sharedAwsClients) clients.destroy()
      void kube?.then((source) => source.close(), () => undefined)
    },
    describeAddon: () => eks('eks:DescribeAddon', (options, name) => describeAddon(options, name)),
    describeAddonConfiguration: async (addonVersion) => describeAddonConfiguration(await aws(), addonVersion),
    describeAddonVersions: async (kubernetesVersion) => describeAddonVersions(await aws(), {kubernetesVersion}),
    describeCluster: () => eks('eks:DescribeCluster', (options, name) => describeCluster(options, name)),
    describeInstances: async (instanceIds) => describeInstances(await aws(), instanceIds),
    describeNetworkInterfaces: async (instanceIds) => describeNetworkInterfaces(await aws(), instanceIds),
    describeSubnetNetworkInterfaces: async (subnetIds) => describeSubnetNetworkInterfaces(await aws(), subnetIds),
    describeSubnets: async (subnetIds) => describeSubnets(await aws(), subnetIds),
    async dryRun(request) {
      const {dryRun} = await import('./ec2/dry-run.js')
      return dryRun(await aws(), request)
    },
    getSubnetCidrReservations: async (subnetIds) => getSubnetCidrReservations(await aws(), subnetIds),
    listEniConfigs: async () => (await kubernetes()).listEniConfigs(),
    listNetworkPolicies: async () => (await kubernetes()).listNetworkPolicies(),
    listNodegroups: () => eks('eks:ListNodegroups', (options, name) => listNodegroups(options, name)),
    listNodes: async () => (await kubernetes()).listNodes(),
    listPods: async (options) => (await kubernetes()).listPods(options),
    listSandboxFailures: async () => (await kubernetes()).listSandboxFailures(),
    listWarningEvents: async () => (await kubernetes()).listWarningEvents(),
    origin,
    readAwsNode: async () => (await kubernetes()).readAwsNode(),
    readAwsNodeServiceAccount: async () => (await kubernetes()).readAwsNodeServiceAccount(),
    readCniConfigMap: async () => (await kubernetes()).readCniConfigMap(),
    readServerVersion: async () => (await kubernetes()).readServerVersion(),
  }
}
