import type {HealthKubeReads} from './health-calls.js'
import * as healthReaders from './health-readers.js'
import {KUBE_CALLS, type KubeCallName} from './kube-calls.js'
import {createKubeGet, DEFAULT_RETRY, type KubeGet, type RetryPolicy} from './kube-get.js'
import {loadKubeConfig} from './load-kube-config.js'
import {mapKubeError} from './map-kube-error.js'
import * as readers from './readers.js'
import type {
  AwsNodeDaemonSet,
  CniConfigMap,
  EniConfigSummary,
  KubeContextInfo,
  KubernetesOptions,
  NodeSummary,
  PodSummary,
  SandboxFailureEvent,
  ServerVersion,
} from './types.js'

const DEFAULT_TIMEOUT_MS = 30_000

/** One named call per read (as in KUBE_CALLS), each answering plain JSON: a snapshot replays this interface by name. */
export interface KubernetesSource extends HealthKubeReads {
  close(): void
  readonly context: KubeContextInfo
  listEniConfigs(): Promise<EniConfigSummary[]>
  listNodes(): Promise<NodeSummary[]>
  listPods(options?: {nodeName?: string}): Promise<PodSummary[]>
  listSandboxFailures(): Promise<SandboxFailureEvent[]>
  readAwsNode(): Promise<AwsNodeDaemonSet | null>
  readCniConfigMap(): Promise<CniConfigMap | null>
  readServerVersion(): Promise<ServerVersion>
}

/** Connects with the kubeconfig (nothing is sent yet); each call then fails alone, as one SourceError naming it. */
export async function createKubernetesSource(
  options: KubernetesOptions = {},
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<KubernetesSource> {
  const connection = await loadKubeConfig(options)
  const get = createKubeGet(connection, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry, options.signal)
  const named = async <T>(name: KubeCallName, read: (get: KubeGet) => Promise<T>): Promise<T> => {
    try {
      return await read(get)
    } catch (error) {
      throw mapKubeError(KUBE_CALLS[name], connection.context.server, error)
    }
  }

  return {
    close: () => connection.agent.destroy(),
    context: connection.context,
    listEniConfigs: () => named('listEniConfigs', readers.listEniConfigs),
    listNetworkPolicies: () => named('listNetworkPolicies', healthReaders.listNetworkPolicies),
    listNodes: () => named('listNodes', readers.listNodes),
    listPods: (podOptions = {}) => named('listPods', (g) => readers.listPods(g, podOptions)),
    listSandboxFailures: () => named('listSandboxFailures', readers.listSandboxFailures),
    listWarningEvents: () => named('listWarningEvents', healthReaders.listWarningEvents),
    readAwsNode: () => named('readAwsNode', readers.readAwsNode),
    readAwsNodeServiceAccount: () => named('readAwsNodeServiceAccount', healthReaders.readAwsNodeServiceAccount),
    readCniConfigMap: () => named('readCniConfigMap', readers.readCniConfigMap),
    readServerVersion: () => named('readServerVersion', readers.readServerVersion),
  }
}
