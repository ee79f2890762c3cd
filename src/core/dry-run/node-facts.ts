/**
 * What the dry-run gathers about one node, in vpccni's own terms (the sources fill it in): the Node, its ENIs
 * and their subnets from EC2, the pods on it, and the settings its running aws-node pod started with.
 */
export interface NodeFacts {
  /** `status.capacity.pods`: ipamd's max pods; null when the kubelet has not reported it. */
  capacityPods: null | number
  instanceId: null | string
  instanceType: null | string
  /** Node labels and annotations: they choose the ENIConfig under custom networking. */
  labels: Record<string, string>
  annotations: Record<string, string>
  name: string
  zone: null | string
}

export interface EniFacts {
  /** ISO 8601; null when EC2 did not say. */
  attachTime: null | string
  attachmentId: null | string
  deviceIndex: number
  id: string
  /** `interface`, `trunk`, `efa`, `efa-only`, ... */
  interfaceType: null | string
  networkCardIndex: number
  /** `10.0.1.16/28`. */
  prefixes: string[]
  primary: boolean
  secondaryIps: string[]
  subnetId: null | string
  tags: Record<string, string>
}

export interface SubnetFacts {
  availableIpAddressCount: null | number
  subnetId: string
  tags: Record<string, string>
}

export interface PodFacts {
  hostNetwork: boolean
  name: string
  namespace: string
  phase: string
  podEni: boolean
  podIps: string[]
}

/** The aws-node settings ipamd on the node reads, and where they came from. */
export interface AgentFacts {
  /** The DaemonSet template's aws-node env (literal values only). */
  daemonSetEnv: Record<string, string>
  /** The running aws-node pod's env; null when no aws-node pod runs on the node. */
  podEnv: null | Record<string, string>
  /** The node's aws-node pod is known but not its env (a snapshot without the pod's spec): the DaemonSet's is used. */
  podEnvMissing?: boolean
  podName: null | string
  /** The aws-node container's start: ipamd's datastore (and every ENI's age) starts there. */
  startedAt: null | string
  /** Variables set from a ConfigMap, Secret or field: their value is only known on the node. */
  unresolved: string[]
}

export interface EniConfigFacts {
  name: string
  securityGroups: string[]
  subnet: string
}

export interface NodeGather {
  agent: AgentFacts
  eniConfigs: EniConfigFacts[]
  enis: EniFacts[]
  node: NodeFacts
  pods: PodFacts[]
  subnets: SubnetFacts[]
}
