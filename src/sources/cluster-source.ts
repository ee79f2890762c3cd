import type {DryRunRequest} from './ec2/dry-run.js'
import type {DryRunAnswer, Ec2CidrReservation, Ec2Instance, Ec2NetworkInterface, Ec2Subnet} from './ec2/ec2-types.js'
import type {EksAddon, EksAddonConfiguration, EksAddonVersion, EksAnswer, EksCluster, EksNodegroup} from './eks/eks-types.js'
import type {HealthKubeReads} from './kubernetes/health-calls.js'
import type {
  AwsNodeDaemonSet,
  CniConfigMap,
  EniConfigSummary,
  KubeContextInfo,
  NodeSummary,
  PodSummary,
  SandboxFailureEvent,
  ServerVersion,
} from './kubernetes/types.js'

/** Where a ClusterSource's answers come from; never holds a token or credential. */
export interface ClusterOrigin {
  /** The kubeconfig context, when one was loaded. */
  context: KubeContextInfo | null
  /** The snapshot folder, for a replayed source. */
  dir: null | string
  /** The EKS cluster name, when known (`--cluster` or the context's ARN). */
  eksCluster: null | string
  kind: 'live' | 'snapshot'
  region: null | string
  /** When the snapshot was taken (ISO 8601), for a replayed source. */
  takenAt: null | string
}

/**
 * Everything the live commands read about one cluster and its AWS account, one named call each, answering
 * our own plain JSON types. Implemented live (Kubernetes, EC2, EKS) and by a snapshot folder, so every command
 * runs the same on both. Kubernetes and EC2 calls throw a SourceError (exit 3) naming the call and the permission;
 * EKS calls never throw: no EKS access is an answer (`available: false`) because self-managed installs exist.
 */
export interface ClusterSource extends HealthKubeReads {
  close(): void
  describeAddon(): Promise<EksAnswer<EksAddon | null>>
  describeAddonConfiguration(addonVersion: string): Promise<EksAnswer<EksAddonConfiguration>>
  describeAddonVersions(kubernetesVersion?: string): Promise<EksAnswer<EksAddonVersion[]>>
  describeCluster(): Promise<EksAnswer<EksCluster>>
  describeInstances(instanceIds: string[]): Promise<Ec2Instance[]>
  describeNetworkInterfaces(instanceIds: string[]): Promise<Ec2NetworkInterface[]>
  /** The cluster's managed node groups with their scaling config. */
  /** Every ENI in these subnets, attached or not. */
  describeSubnetNetworkInterfaces(subnetIds: string[]): Promise<Ec2NetworkInterface[]>
  /** Ids EC2 (or the snapshot) does not know are simply absent from the answer, as with the other by-id calls. */
  describeSubnets(subnetIds: string[]): Promise<Ec2Subnet[]>
  /** An EC2 mutation sent with DryRun=true: allowed or denied for the caller. Live only; a snapshot cannot answer it. */
  dryRun(request: DryRunRequest): Promise<DryRunAnswer>
  getSubnetCidrReservations(subnetIds: string[]): Promise<Ec2CidrReservation[]>
  listEniConfigs(): Promise<EniConfigSummary[]>
  /** The cluster's managed node groups (ListNodegroups, DescribeNodegroup each). */
  listNodegroups(): Promise<EksAnswer<EksNodegroup[]>>
  listNodes(): Promise<NodeSummary[]>
  listPods(options?: {nodeName?: string}): Promise<PodSummary[]>
  listSandboxFailures(): Promise<SandboxFailureEvent[]>
  readonly origin: ClusterOrigin
  readAwsNode(): Promise<AwsNodeDaemonSet | null>
  readCniConfigMap(): Promise<CniConfigMap | null>
  readServerVersion(): Promise<ServerVersion>
}

/** The names of the calls, as a snapshot stores them. */
export type ClusterCallName = Exclude<keyof ClusterSource, 'close' | 'dryRun' | 'origin'>
