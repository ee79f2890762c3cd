/**
 * What doctor knows of the cluster's objects, as plain data in core's own terms. The sources return values of
 * the same shape (src/sources/*-types.ts), so the gather hands them over unchanged; fields a later source adds
 * are optional here until every source fills them.
 */

export interface DoctorNodeCondition {
  message: string
  reason: string
  status: string
  type: string
}

export interface DoctorNode {
  allocatablePods: number | null
  annotations: Record<string, string>
  capacityPods: number | null
  conditions?: DoctorNodeCondition[]
  creationTimestamp: string
  instanceId: string | null
  instanceType: string | null
  internalIp: string | null
  kernelVersion?: string
  kubeletVersion: string
  labels: Record<string, string>
  name: string
  ready: boolean
  zone: string | null
}

export interface DoctorPod {
  hostNetwork: boolean
  /**
   * The pod's labels (network policy selection); the sources share one frozen object between pods with the same set, as
   * the pods of one ReplicaSet are. Absent in snapshots taken before vpccni read them.
   */
  labels?: Readonly<Record<string, string>>
  name: string
  namespace: string
  nodeName: string | null
  phase: string
  podIp: string | null
}

export interface DoctorEnvVar {
  name: string
  value?: string
  valueFrom?: Record<string, unknown>
}

export interface DoctorContainer {
  env: DoctorEnvVar[]
  image: string
  name: string
}

/** The aws-node DaemonSet; `manifest` is the object as `kubectl get -o json` shows it (the diff engine's input). */
export interface DoctorAwsNode {
  containers: DoctorContainer[]
  generation: number
  initContainers: DoctorContainer[]
  labels: Record<string, string>
  manifest: Record<string, unknown>
  status: {desiredNumberScheduled: number; numberAvailable: number; numberReady: number; updatedNumberScheduled: number}
}

export interface DoctorEniConfig {
  name: string
  securityGroups: string[]
  subnet: string
}

export interface DoctorSandboxFailure {
  count: number
  lastSeen: string | null
  message: string
  namespace: string
  nodeName: string | null
  podName: string
}

export interface DoctorInstance {
  availabilityZone: null | string
  instanceId: string
  instanceType: null | string
  launchTime: null | string
  /** DescribeInstances `MetadataOptions`, when the source reads them. */
  metadataOptions?: {httpEndpoint: null | string; httpTokens: null | string}
  subnetId: null | string
}

export interface DoctorEni {
  attachment: {deviceIndex: null | number; instanceId: null | string; networkCardIndex: number} | null
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
  /** `in-use`, or `available` when attached to nothing. */
  status: null | string
  subnetId: null | string
  tags: Record<string, string>
}

export interface DoctorSubnet {
  availabilityZone: null | string
  availableIpAddressCount: null | number
  cidrBlock: null | string
  subnetId: string
  tags: Record<string, string>
}

/** GetSubnetCidrReservations: a `prefix` reservation keeps its range for delegated prefixes only. */
export interface DoctorCidrReservation {
  cidr: string
  reservationType: 'explicit' | 'prefix'
  subnetId: string
}

export interface DoctorHealthIssue {
  code: null | string
  message: null | string
  resourceIds: string[]
}

export interface DoctorEksCluster {
  ipFamily: null | string
  issues?: DoctorHealthIssue[]
  kubernetesVersion: null | string
  name: string
  subnetIds: string[]
}

export interface DoctorAddon {
  addonVersion: null | string
  configurationValues: null | string
  issues: DoctorHealthIssue[]
  /** EKS Pod Identity association ARNs, when the source reads them. */
  podIdentityAssociations?: string[]
  serviceAccountRoleArn: null | string
  status: null | string
}

/** An EKS managed node group: its nodes carry the label `eks.amazonaws.com/nodegroup` = name. */
export interface DoctorNodeGroup {
  instanceTypes: string[]
  issues: DoctorHealthIssue[]
  name: string
  scaling: {desiredSize: null | number; maxSize: null | number; minSize: null | number}
  subnetIds: string[]
}
