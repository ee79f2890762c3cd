/** How one ENI of a lab node is filled, as ipamd would leave it. */
export type LabEniSpec = ({prefixes: number} | {secondaryIps: number}) & {
  /** `trunk`, `efa`, ...: moto always says `interface`, so the lab proxy reports this one. */
  interfaceType?: string
  /** Index into LabScenarioSpec.subnets (default: the node's). */
  subnet?: number
  /** Instead of the tags ipamd puts on the ENIs it creates (secondary ENIs only). */
  tags?: Record<string, string>
  /** Attached by someone else and tagged no_manage. */
  unmanaged?: boolean
}

export interface LabNodeSpec {
  /** One ENI spec per device index; the first is the primary ENI RunInstances creates. */
  enis: LabEniSpec[]
  instanceType: string
  /** RunInstances `MetadataOptions` (IMDS), e.g. {HttpEndpoint: 'disabled'}; default EC2's. */
  metadataOptions?: {HttpEndpoint?: 'disabled' | 'enabled'; HttpTokens?: 'optional' | 'required'}
  /** The EKS managed node group it belongs to (label eks.amazonaws.com/nodegroup); default ng-TYPE. */
  nodeGroup?: string
  /** Index into LabScenarioSpec.subnets. */
  subnet: number
}

/** An EKS managed node group as DescribeNodegroup shows it; `subnets` index LabScenarioSpec.subnets. */
export interface LabNodeGroupSpec {
  instanceTypes: string[]
  maxSize: number
  minSize?: number
  name: string
  subnets: number[]
}

/** An ENI made by the CNI and left attached to nothing (ipamd's tags and description), or made by another service. */
export interface LabLooseEniSpec {
  /** ISO time for the node.k8s.amazonaws.com/createdAt tag; none: untagged. */
  createdAt?: string
  /** `cni`: a leaked CNI ENI; `other`: another service's (a load balancer, Lambda). */
  kind: 'cni' | 'other'
  secondaryIps: number
  subnet: number
}

export interface LabScenarioSpec {
  clusterName: string
  /** EKS health issues of the cluster (DescribeCluster health.issues). */
  clusterIssues?: Array<{code: string; message: string; resourceIds: string[]}>
  /** Subnet indexes DescribeCluster names as the cluster's own; default all. */
  clusterSubnets?: number[]
  looseEnis?: LabLooseEniSpec[]
  nodeGroups?: LabNodeGroupSpec[]
  nodes: LabNodeSpec[]
  /** One address in the middle of every /28 still unused once nodes are built: no prefix fits there any more. */
  scatterSubnets?: number[]
  subnets: Array<{
    availabilityZone: string
    cidr: string
    reservations?: Array<{cidr: string; type: 'explicit' | 'prefix'}>
    tags?: Record<string, string>
  }>
  vpcCidr: string
}

/**
 * The default lab cluster: a roomy subnet in us-west-2a and a /28 in us-west-2b left with one free address;
 * nodes in secondary-IP mode (m5.large, t3.medium) and in prefix mode (c5.4xlarge).
 */
export const DEFAULT_SCENARIO: LabScenarioSpec = {
  clusterName: 'lab-cluster',
  nodes: [
    {enis: [{secondaryIps: 9}, {secondaryIps: 9}], instanceType: 'm5.large', subnet: 0},
    {enis: [{prefixes: 2}], instanceType: 'c5.4xlarge', subnet: 0},
    {enis: [{secondaryIps: 5}, {secondaryIps: 3}], instanceType: 't3.medium', subnet: 1},
  ],
  subnets: [
    {availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'},
    {availabilityZone: 'us-west-2b', cidr: '10.0.16.0/28'},
  ],
  vpcCidr: '10.0.0.0/16',
}

/** What the builder made, with every id and address, so the Kubernetes lab can serve matching nodes and pods. */
export interface LabEni {
  deviceIndex: number
  networkInterfaceId: string
  prefixes: string[]
  primary: boolean
  primaryIp: string
  secondaryIps: string[]
  subnetId: string
}

export interface LabNode {
  availabilityZone: string
  enis: LabEni[]
  instanceId: string
  instanceType: string
  nodeGroup: string
  privateIp: string
  /** The node's `spec.providerID`. */
  providerId: string
  subnetId: string
}

export interface LabScenario {
  clusterIssues: Array<{code: string; message: string; resourceIds: string[]}>
  clusterName: string
  clusterSubnetIds: string[]
  /** ENIs attached to nothing: leaked by the CNI, or another service's. */
  looseEnis: Array<{kind: 'cni' | 'other'; networkInterfaceId: string; subnetId: string}>
  nodeGroups: Array<{instanceTypes: string[]; maxSize: number; minSize: number; name: string; subnetIds: string[]}>
  nodes: LabNode[]
  securityGroupId: string
  subnets: Array<{availabilityZone: string; cidr: string; subnetId: string}>
  vpcId: string
}
