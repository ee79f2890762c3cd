import {makeEvent} from './cluster-objects.js'
import {upstreamObject} from './upstream-manifest.js'

type Json = {[key: string]: unknown}

/** A Warning event the lab serves: on a pod, or on a node (involvedObject Node) when `podName` is absent. */
export interface LabWarningEvent {
  count?: number
  message: string
  namespace?: string
  nodeName: string
  podName?: string
  reason: string
  /** source.component; default kubelet. */
  reporter?: string
}

/** What the health and mode checks read, beyond the nodes and pods: each field changes the healthy default. */
export interface LabHealthSpec {
  /** Per aws-node pod index (node order): its images by container, readiness, restarts. */
  /** The aws-node DaemonSet to serve instead of the lab's (e.g. a release's own, installed by EKS); its status is the lab's. */
  daemonSet?: Json
  awsNodePods?: Record<number, {images?: Record<string, string>; ready?: boolean; restarts?: number}>
  /** Node indexes without a kube-proxy pod; `kubeProxyNotReady`: with one that is not Ready. */
  kubeProxyMissing?: number[]
  kubeProxyNotReady?: number[]
  /** NetworkPolicies; `podSelector` defaults to {} (every pod of the namespace). */
  networkPolicies?: LabNetworkPolicy[]
  /** Extra node conditions by node index (NetworkingReady, ...). */
  nodeConditions?: Record<number, Array<{message?: string; reason: string; status: string; type: string}>>
  /** Annotations of the aws-node ServiceAccount (IRSA role); null: no ServiceAccount. */
  serviceAccountAnnotations?: null | Record<string, string>
  warningEvents?: LabWarningEvent[]
}

const containersOf = (object: Json): Json[] => ((object.spec as Json).template as {spec: {containers: Json[]}}).spec.containers

/** The aws-node ServiceAccount of the upstream manifest, with the given annotations. */
export function makeAwsNodeServiceAccount(annotations: Record<string, string>): Json {
  const account = upstreamObject('ServiceAccount', 'aws-node')
  Object.assign(account.metadata as Json, {annotations, creationTimestamp: '2026-11-20T08:00:00Z', resourceVersion: '48100', uid: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'})
  return account
}

export interface LabNetworkPolicy {
  name: string
  namespace: string
  podSelector?: {matchExpressions?: Array<{key: string; operator: string; values?: string[]}>; matchLabels?: Record<string, string>}
}

export function makeNetworkPolicy(policy: LabNetworkPolicy, index: number): Json {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {creationTimestamp: '2026-11-21T09:00:00Z', generation: 1, name: policy.name, namespace: policy.namespace, resourceVersion: String(60_000 + index)},
    spec: {podSelector: policy.podSelector ?? {}, policyTypes: ['Ingress']},
  }
}

/**
 * Gives the served objects what a real cluster shows the health checks: aws-node pods that run the DaemonSet's
 * images and carry `k8s-app`, kube-proxy pods the same, the aws-node ServiceAccount, then the spec's changes.
 */
export function applyHealthSpec(objects: Map<string, Json[]>, spec: LabHealthSpec = {}): void {
  if (spec.daemonSet && objects.get('daemonsets')?.length) {
    objects.set('daemonsets', [{...structuredClone(spec.daemonSet), status: objects.get('daemonsets')![0].status}])
  }

  const daemonSet = objects.get('daemonsets')?.[0]
  const pods = objects.get('pods') ?? []
  const isAwsNode = (labels: Json): boolean => labels.app === 'aws-node' || labels['k8s-app'] === 'aws-node'
  const awsNodePods = pods.filter((p) => (p.metadata as Json).namespace === 'kube-system' && isAwsNode((p.metadata as Json).labels as Json))
  for (const [index, pod] of awsNodePods.entries()) {
    ;((pod.metadata as Json).labels as Json)['k8s-app'] = 'aws-node'
    const change = spec.awsNodePods?.[index] ?? {}
    if (daemonSet) {
      const spec = pod.spec as Json
      // Keep what the pod already carries (the aws-node container's env, its start time): only images and health change.
      const before = (spec.containers as Json[] | undefined) ?? []
      spec.containers = containersOf(daemonSet).map((c) => ({...before.find((b) => b.name === c.name), image: change.images?.[String(c.name)] ?? c.image, name: c.name}))
      const status = pod.status as Json
      const was = (status.containerStatuses as Json[] | undefined) ?? []
      status.containerStatuses = (spec.containers as Json[]).map((c) => ({
        ...was.find((w) => w.name === c.name),
        image: c.image,
        name: c.name,
        ready: change.ready ?? true,
        restartCount: c.name === 'aws-node' ? (change.restarts ?? 0) : 0,
        started: true,
      }))
    }

    if (change.ready === false) setReady(pod, false)
  }

  const proxies = pods.filter((p) => ((p.metadata as Json).labels as Json).app === 'kube-proxy')
  for (const pod of proxies) ((pod.metadata as Json).labels as Json)['k8s-app'] = 'kube-proxy'
  for (const index of spec.kubeProxyNotReady ?? []) setReady(proxies[index], false)
  const missing = new Set((spec.kubeProxyMissing ?? []).map((i) => proxies[i]))
  objects.set('pods', pods.filter((p) => !missing.has(p)))

  const nodes = objects.get('nodes') ?? []
  for (const [index, conditions] of Object.entries(spec.nodeConditions ?? {})) {
    const status = nodes[Number(index)].status as {conditions: Json[]}
    for (const c of conditions) status.conditions.push({lastHeartbeatTime: '2026-11-26T04:00:00Z', lastTransitionTime: '2026-11-26T03:50:00Z', message: c.message ?? '', reason: c.reason, status: c.status, type: c.type})
  }

  const account = spec.serviceAccountAnnotations === undefined ? {} : spec.serviceAccountAnnotations
  objects.set('serviceaccounts', account === null ? [] : [makeAwsNodeServiceAccount(account)])
  objects.set('networkpolicies', (spec.networkPolicies ?? []).map((p, i) => makeNetworkPolicy(p, i)))
  const events = objects.get('events') ?? []
  for (const [i, e] of (spec.warningEvents ?? []).entries()) {
    const event = makeEvent(e.namespace ?? (e.podName ? 'kube-system' : ''), e.podName ?? e.nodeName, e.nodeName, e.reason, e.message, e.count ?? 1, 100 + i)
    if (!e.podName) event.involvedObject = {kind: 'Node', name: e.nodeName}
    event.type = 'Warning'
    event.source = {component: e.reporter ?? 'kubelet', host: e.nodeName}
    if (!e.podName) (event.metadata as Json).namespace = 'default'
    events.push(event)
  }

  objects.set('events', events)
}

function setReady(pod: Json, ready: boolean): void {
  const status = pod.status as {conditions: Json[]; containerStatuses: Json[]}
  for (const c of status.conditions) if (c.type === 'Ready') c.status = ready ? 'True' : 'False'
  for (const c of status.containerStatuses) c.ready = ready
}
