import {ENICONFIG_GROUP} from '../resources.js'
import {upstreamObject} from './upstream-manifest.js'

type Json = {[key: string]: unknown}

export interface LabEniConfig {
  name: string
  securityGroups: string[]
  subnet: string
}

export interface LabSandboxFailure {
  count?: number
  message?: string
  namespace: string
  nodeName: string
  podName: string
}

export function makeNamespace(name: string): Json {
  return {apiVersion: 'v1', kind: 'Namespace', metadata: {creationTimestamp: '2026-11-20T07:55:00Z', labels: {'kubernetes.io/metadata.name': name}, name}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}}
}

/** The amazon-vpc-cni ConfigMap of the upstream manifest, with `data` replaced when given. */
export function makeCniConfigMap(data?: Record<string, string>): Json {
  const configMap = upstreamObject('ConfigMap', 'amazon-vpc-cni')
  if (data) configMap.data = data
  Object.assign(configMap.metadata as Json, {creationTimestamp: '2026-11-20T08:00:00Z', resourceVersion: '48190', uid: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a'})
  return configMap
}

export function makeEniConfig(eniConfig: LabEniConfig): Json {
  return {
    apiVersion: `${ENICONFIG_GROUP}/v1alpha1`,
    kind: 'ENIConfig',
    metadata: {creationTimestamp: '2026-11-20T08:10:00Z', generation: 1, name: eniConfig.name, resourceVersion: '50001', uid: `e1c0${eniConfig.name.length}f00-1111-4222-8333-444455556666`},
    spec: {securityGroups: eniConfig.securityGroups, subnet: eniConfig.subnet},
  }
}

const IP_EXHAUSTED = 'add cmd: failed to assign an IP address to container'

/** The kubelet's event when the CNI cannot network a pod: the message aws-cni writes when ipamd has no free address. */
export function makeSandboxFailureEvent(failure: LabSandboxFailure, index: number): Json {
  const message = failure.message ?? `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${index.toString(16).padStart(12, '0')}": plugin type="aws-cni" name="aws-cni" failed (add): ${IP_EXHAUSTED}`
  return makeEvent(failure.namespace, failure.podName, failure.nodeName, 'FailedCreatePodSandBox', message, failure.count ?? 3, index)
}

export function makeEvent(namespace: string, podName: string, nodeName: string, reason: string, message: string, count: number, index: number): Json {
  return {
    apiVersion: 'v1',
    count,
    firstTimestamp: '2026-11-26T04:40:00Z',
    involvedObject: {apiVersion: 'v1', kind: 'Pod', name: podName, namespace},
    kind: 'Event',
    lastTimestamp: `2026-11-26T04:5${index % 10}:00Z`,
    message,
    metadata: {creationTimestamp: '2026-11-26T04:40:00Z', name: `${podName}.18${index.toString(16).padStart(14, '0')}`, namespace, resourceVersion: String(900_000 + index)},
    reason,
    reportingComponent: 'kubelet',
    reportingInstance: nodeName,
    source: {component: 'kubelet', host: nodeName},
    type: reason === 'Scheduled' ? 'Normal' : 'Warning',
  }
}
