import type {InstanceTypeLimits} from '../instance-type.js'
import type {
  DoctorAddon,
  DoctorAwsNode,
  DoctorCidrReservation,
  DoctorEksCluster,
  DoctorEni,
  DoctorEniConfig,
  DoctorInstance,
  DoctorNode,
  DoctorNodeGroup,
  DoctorPod,
  DoctorSandboxFailure,
  DoctorSubnet,
} from './cluster-objects.js'
import type {HealthFacts, HealthReads} from './health-reads.js'

/**
 * Every read doctor makes, by name, and the value it gives. A check lists the reads it needs; the runner hands it
 * exactly those, or records it as not checked when one of them was refused or not made.
 */
export interface DoctorReads extends HealthReads {
  /** The EKS managed vpc-cni add-on; null when the CNI is self-managed. */
  addon: DoctorAddon | null
  /** null: no aws-node DaemonSet in kube-system (another CNI). */
  awsNode: DoctorAwsNode | null
  cidrReservations: DoctorCidrReservation[]
  cniConfigMap: {data: Record<string, string>} | null
  eksCluster: DoctorEksCluster
  /** null: the ENIConfig CRD is not installed. */
  eniConfigs: DoctorEniConfig[] | null
  instances: DoctorInstance[]
  /** Every ENI in the subnets the cluster uses (its nodes', its ENIConfigs', its own), attached or not. */
  networkInterfaces: DoctorEni[]
  nodeGroups: DoctorNodeGroup[]
  nodes: DoctorNode[]
  pods: DoctorPod[]
  sandboxFailures: DoctorSandboxFailure[]
  serverVersion: {gitVersion: string; major: string; minor: string}
  subnets: DoctorSubnet[]
}

export type ReadName = keyof DoctorReads

/** A read that answered, or why not: a refusal names the permission it needs. */
export type ReadOutcome<T> =
  | {call: string; ok: false; permission: null | string; reason: string}
  | {ok: true; value: T}

/** The one gathered input of doctor: each read's outcome, and facts that need no read. */
export interface DoctorInput {
  cluster: DoctorClusterInfo
  facts: DoctorFacts
  reads: {[K in ReadName]?: ReadOutcome<DoctorReads[K]>}
}

/** What every check may use without a read: embedded tables and the time of the gather. */
export interface DoctorFacts extends HealthFacts {
  /** The EKS cluster's name when the gather knows it (--cluster, the kubeconfig context, the snapshot): remedies name it. */
  clusterName: null | string
  /** ipamd's own default of each aws-node variable when it is unset (embedded env table); null means off. */
  envDefaults: Record<string, null | string>
  /** Instance type facts (embedded table) for every type the nodes and node groups name; unknown types are absent. */
  instanceTypes: Record<string, InstanceTypeLimits>
  /** When the input was gathered (ISO 8601): ages (leaked ENIs, events) are measured against it, never the clock. */
  now: string
}

export interface DoctorClusterInfo {
  /**
   * The AWS account, from the kubeconfig context's EKS ARN, when it has one. Never from EKS's answer: a run where EKS
   * (or the API server) did not answer would lose it, and its metrics would move to another Pushgateway group.
   */
  accountId: null | string
  /** The kubeconfig context, when one was loaded. */
  context: null | string
  /** The EKS cluster name, when known. */
  name: null | string
  region: null | string
  source: 'live' | 'snapshot'
  /** When a replayed snapshot was taken. */
  takenAt: null | string
}
