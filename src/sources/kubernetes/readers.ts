import {objectAt, stringAt, stringMap} from './json-fields.js'
import type {KubeGet} from './kube-get.js'
import {labelInterner} from './intern-labels.js'
import {KubeRequestError} from './kube-request-error.js'
import {listAllPages} from './list-pages.js'
import {summarizeSandboxFailure, summarizeEniConfig} from './summarize-event.js'
import {summarizeAwsNode} from './summarize-aws-node.js'
import {summarizeNode} from './summarize-node.js'
import {summarizePod} from './summarize-pod.js'
import type {
  AwsNodeDaemonSet,
  CniConfigMap,
  EniConfigSummary,
  JsonObject,
  NodeSummary,
  PodSummary,
  SandboxFailureEvent,
  ServerVersion,
} from './types.js'

/** GET /version: the control plane's Kubernetes version (EKS reports minor "31+" and gitVersion "v1.31.4-eks-..."). */
export async function readServerVersion(get: KubeGet): Promise<ServerVersion> {
  const version = await get('/version')
  const field = (name: string): string => stringAt(version[name]) ?? ''
  return {gitVersion: field('gitVersion'), major: field('major'), minor: field('minor'), platform: field('platform')}
}

/** The aws-node DaemonSet with its managedFields; null when the cluster has none (another CNI, or not installed yet). */
export async function readAwsNode(get: KubeGet): Promise<AwsNodeDaemonSet | null> {
  const daemonSet = await nullIfAbsent(get('/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node'))
  return daemonSet && summarizeAwsNode(daemonSet)
}

/** The amazon-vpc-cni ConfigMap; null when absent (older installs and self-managed manifests may not have it). */
export async function readCniConfigMap(get: KubeGet): Promise<CniConfigMap | null> {
  const configMap = await nullIfAbsent(get('/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni'))
  if (!configMap) return null
  return {data: stringMap(configMap.data), resourceVersion: stringAt(objectAt(configMap.metadata).resourceVersion) ?? ''}
}

export function listNodes(get: KubeGet): Promise<NodeSummary[]> {
  return listAllPages(get, '/api/v1/nodes', {}, summarizeNode)
}

/** Every pod, or one node's (the API server filters by `spec.nodeName`, so the other nodes' pods never travel). */
export function listPods(get: KubeGet, options: {nodeName?: string} = {}): Promise<PodSummary[]> {
  const fieldSelector = options.nodeName === undefined ? undefined : `spec.nodeName=${options.nodeName}`
  const internLabels = labelInterner()
  return listAllPages(get, '/api/v1/pods', {fieldSelector}, (pod) => summarizePod(pod, internLabels))
}

/** ENIConfigs (cluster-scoped); a cluster without the CRD (no custom networking) has none, which is not an error. */
export async function listEniConfigs(get: KubeGet): Promise<EniConfigSummary[]> {
  try {
    return await listAllPages(get, '/apis/crd.k8s.amazonaws.com/v1alpha1/eniconfigs', {}, summarizeEniConfig)
  } catch (error) {
    if (error instanceof KubeRequestError && error.isNotFound) return []
    throw error
  }
}

/** FailedCreatePodSandBox events, all namespaces; all are recent, as events live an hour (kube-apiserver --event-ttl). */
export function listSandboxFailures(get: KubeGet): Promise<SandboxFailureEvent[]> {
  return listAllPages(get, '/api/v1/events', {fieldSelector: 'reason=FailedCreatePodSandBox'}, summarizeSandboxFailure)
}

async function nullIfAbsent(answer: Promise<JsonObject>): Promise<JsonObject | null> {
  try {
    return await answer
  } catch (error) {
    if (error instanceof KubeRequestError && error.isNotFound) return null
    throw error
  }
}
