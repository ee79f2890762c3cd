/** How one ENI of a lab node is filled, as ipamd would leave it. */
export type LabEniSpec = {prefixes: number} | {secondaryIps: number}

export interface LabNodeSpec {
  /** One ENI spec per device index; the first is the primary ENI RunInstances creates. */
  enis: LabEniSpec[]
  instanceType: string
  /** RunInstances `MetadataOptions` (IMDS), e.g. {HttpEndpoint: 'disabled'}; default EC2's. */
  metadataOptions?: {HttpEndpoint?: 'disabled' | 'enabled'; HttpTokens?: 'optional' | 'required'}
  /** Index into LabScenarioSpec.subnets. */
  subnet: number
}

export interface LabScenarioSpec {
  clusterName: string
  nodes: LabNodeSpec[]
  subnets: Array<{availabilityZone: string; cidr: string}>
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
  privateIp: string
  /** The node's `spec.providerID`. */
  providerId: string
  subnetId: string
}

export interface LabScenario {
  clusterName: string
  nodes: LabNode[]
  securityGroupId: string
  subnets: Array<{availabilityZone: string; cidr: string; subnetId: string}>
  vpcId: string
}
