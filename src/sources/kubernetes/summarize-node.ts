import {arrayAt, countAt, objectAt, stringAt, stringMap} from './json-fields.js'
import {parseAwsProviderId} from './provider-id.js'
import type {JsonObject, NodeSummary} from './types.js'

export function summarizeNode(node: JsonObject): NodeSummary {
  const metadata = objectAt(node.metadata)
  const status = objectAt(node.status)
  const labels = stringMap(metadata.labels)
  const providerId = stringAt(objectAt(node.spec).providerID)
  const parsed = parseAwsProviderId(providerId)
  const address = arrayAt(status.addresses).find((a) => a.type === 'InternalIP')
  const ready = arrayAt(status.conditions).find((c) => c.type === 'Ready')
  return {
    allocatablePods: countAt(objectAt(status.allocatable).pods),
    annotations: stringMap(metadata.annotations),
    capacityPods: countAt(objectAt(status.capacity).pods),
    creationTimestamp: stringAt(metadata.creationTimestamp) ?? '',
    instanceId: parsed.instanceId,
    instanceType: labels['node.kubernetes.io/instance-type'] ?? labels['beta.kubernetes.io/instance-type'] ?? null,
    internalIp: stringAt(address?.address),
    kubeletVersion: stringAt(objectAt(status.nodeInfo).kubeletVersion) ?? '',
    labels,
    name: stringAt(metadata.name) ?? '',
    providerId,
    ready: ready?.status === 'True',
    zone: labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? parsed.zone,
  }
}
