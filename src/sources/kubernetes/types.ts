import type {DoctorEniConfig, DoctorNodeCondition, DoctorPod, DoctorSandboxFailure} from '../../core/doctor/cluster-objects.js'
import type {DoctorSystemPod} from '../../core/doctor/health-objects.js'

// Plain JSON-serialisable data, never client-node models: a snapshot records each reader's answer and replays it unchanged.

export type JsonObject = {[key: string]: unknown}

/** How to reach the cluster; each field falls back as kubectl does (KUBECONFIG, ~/.kube/config, current-context). */
export interface KubernetesOptions {
  context?: string
  /** Where the service account's files are mounted, for the in-cluster configuration (default: the root, as in a pod). */
  inClusterRoot?: string
  kubeconfig?: string
  /** Aborts GETs in flight when the command closes its sources. */
  signal?: AbortSignal
  /** How long one GET may take, its retries and back-offs included; none means 30 s, the shared --request-timeout default. */
  timeoutMs?: number
}

/** The kubeconfig context a source talks to (`cluster` is the EKS cluster ARN when `aws eks update-kubeconfig` wrote it). */
export interface KubeContextInfo {
  cluster: string
  name: string
  server: string
  user: string
}

export interface ServerVersion {
  gitVersion: string
  major: string
  minor: string
  platform: string
}

export interface EnvVar {
  name: string
  value?: string
  /** `valueFrom` as written (fieldRef, configMapKeyRef, ...): its value is only known on the node. */
  valueFrom?: JsonObject
}

export interface ContainerSummary {
  env: EnvVar[]
  image: string
  name: string
}

/** One `metadata.managedFields` entry: which manager owns which fields (server-side apply). */
export interface ManagedFieldsEntry {
  apiVersion: string
  fieldsType: string
  fieldsV1: JsonObject
  manager: string
  operation: string
  subresource?: string
  time?: string
}

/** The aws-node DaemonSet in kube-system. `manifest` is the object exactly as `kubectl get -o json` shows it. */
export interface AwsNodeDaemonSet {
  annotations: Record<string, string>
  containers: ContainerSummary[]
  generation: number
  initContainers: ContainerSummary[]
  labels: Record<string, string>
  managedFields: ManagedFieldsEntry[]
  manifest: JsonObject
  resourceVersion: string
  status: {
    desiredNumberScheduled: number
    numberAvailable: number
    numberReady: number
    updatedNumberScheduled: number
  }
}

export interface CniConfigMap {
  data: Record<string, string>
  resourceVersion: string
}

export interface NodeSummary {
  /** `status.allocatable.pods`, a count; null when the kubelet has not reported it. */
  allocatablePods: number | null
  /** All annotations and labels: ENI_CONFIG_ANNOTATION_DEF / ENI_CONFIG_LABEL_DEF may name any key. */
  annotations: Record<string, string>
  capacityPods: number | null
  /** `status.conditions`: Ready, NetworkingReady (node monitoring agent), pressure conditions. */
  conditions: DoctorNodeCondition[]
  creationTimestamp: string
  /** From `spec.providerID` `aws:///ZONE/i-...`; null for Fargate, hybrid or non-AWS nodes. */
  instanceId: string | null
  /** `node.kubernetes.io/instance-type`, else the deprecated `beta.kubernetes.io/instance-type`. */
  instanceType: string | null
  internalIp: string | null
  /** `status.nodeInfo.kernelVersion`; the network policy agent needs 5.10 or newer. */
  kernelVersion: string
  kubeletVersion: string
  labels: Record<string, string>
  name: string
  providerId: string | null
  ready: boolean
  /** `topology.kubernetes.io/zone`, else the zone in the providerID. */
  zone: string | null
}

/** The aws-node container of a running aws-node pod: the settings ipamd read when it started, and when that was. */
export interface AwsNodeAgent {
  /** The aws-node container's env as the pod holds it (a DaemonSet edit reaches only pods started after it). */
  env: EnvVar[]
  image: string
  /** `state.running.startedAt` of the aws-node container; null when it is not running. */
  startedAt: null | string
}

export interface PodSummary extends DoctorPod {
  /** Set for the aws-node pods (label `k8s-app=aws-node` in kube-system) only. */
  agent: AwsNodeAgent | null
  /** The first container requests `vpc.amazonaws.com/pod-eni`: the pod gets a branch ENI, not a pool address. */
  podEni: boolean
  podIps: string[]
  /**
   * Set for the pods in kube-system only: what doctor's health checks read of them (app label, readiness, restarts,
   * images). The pod list holds every kube-system pod, so they need no list of their own.
   */
  system: DoctorSystemPod | null
}

/** An ENIConfig (crd.k8s.amazonaws.com/v1alpha1): the subnet and security groups of pods' secondary ENIs. */
export type EniConfigSummary = DoctorEniConfig

/** A core/v1 Event with reason FailedCreatePodSandBox: the kubelet could not give a pod its network. */
export type SandboxFailureEvent = DoctorSandboxFailure
