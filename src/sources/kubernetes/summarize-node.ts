import {arrayAt, countAt, objectAt, stringAt, stringMap} from './json-fields.js'
import {parseProviderId} from '../../core/provider-id.js'
import type {JsonObject, NodeSummary} from './types.js'

export function summarizeNode(node: JsonObject): NodeSummary {
  const metadata = objectAt(node.metadata)
  const status = objectAt(node.status)
  const labels = stringMap(metadata.labels)
  const providerId = stringAt(objectAt(node.spec).providerID)
  // Fargate and hybrid nodes carry other ids: no instance id, so no EC2 lookup is attempted.
  const parsed = parseProviderId(providerId ?? undefined)
  const address = arrayAt(status.addresses).find((a) => a.type === 'InternalIP')
  const ready = arrayAt(status.conditions).find((c) => c.type === 'Ready')
  return {
    allocatablePods: countAt(objectAt(status.allocatable).pods),
    annotations: stringMap(metadata.annotations),
    capacityPods: countAt(objectAt(status.capacity).pods),
    conditions: arrayAt(status.conditions).map((c) => ({message: stringAt(c.message) ?? '', reason: stringAt(c.reason) ?? '', status: stringAt(c.status) ?? '', type: stringAt(c.type) ?? ''})),
    creationTimestamp: stringAt(metadata.creationTimestamp) ?? '',
    instanceId: parsed?.instanceId ?? null,
    instanceType: labels['node.kubernetes.io/instance-type'] ?? labels['beta.kubernetes.io/instance-type'] ?? null,
    internalIp: stringAt(address?.address),
    kernelVersion: stringAt(objectAt(status.nodeInfo).kernelVersion) ?? '',
    kubeletVersion: stringAt(objectAt(status.nodeInfo).kubeletVersion) ?? '',
    labels,
    name: stringAt(metadata.name) ?? '',
    providerId,
    ready: ready?.status === 'True',
    zone: labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? (parsed?.availabilityZone || null),
  }
}
