import type {DoctorEvent, DoctorSystemPod} from '../../core/doctor/health-objects.js'
import {arrayAt, objectAt, stringAt, stringMap} from './json-fields.js'
import {lastSeenOf} from './summarize-event.js'
import type {JsonObject} from './types.js'

/** A kube-system pod: app label, node, Ready condition, restarts and each container's image. */
export function summarizeSystemPod(pod: JsonObject): DoctorSystemPod {
  const metadata = objectAt(pod.metadata)
  const status = objectAt(pod.status)
  const labels = stringMap(metadata.labels)
  const containers = arrayAt(objectAt(pod.spec).containers)
  return {
    app: labels['k8s-app'] ?? labels.app ?? labels['app.kubernetes.io/name'] ?? '',
    images: Object.fromEntries(containers.map((c) => [stringAt(c.name) ?? '', stringAt(c.image) ?? ''])),
    name: stringAt(metadata.name) ?? '',
    nodeName: stringAt(objectAt(pod.spec).nodeName),
    phase: stringAt(status.phase) ?? 'Unknown',
    ready: arrayAt(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True'),
    restarts: arrayAt(status.containerStatuses).reduce((sum, c) => sum + (typeof c.restartCount === 'number' ? c.restartCount : 0), 0),
  }
}

/** A Warning event: reason, message, the object it concerns and its node, the component that reported it. */
export function summarizeWarningEvent(event: JsonObject): DoctorEvent {
  const involved = objectAt(event.involvedObject)
  const source = objectAt(event.source)
  const kind = stringAt(involved.kind) ?? ''
  return {
    count: typeof event.count === 'number' ? event.count : 1,
    involved: {kind, name: stringAt(involved.name) ?? '', namespace: stringAt(involved.namespace) ?? ''},
    lastSeen: lastSeenOf(event),
    message: stringAt(event.message) ?? '',
    nodeName: stringAt(source.host) ?? (kind === 'Node' ? stringAt(involved.name) : null),
    reason: stringAt(event.reason) ?? '',
    reporter: stringAt(source.component) ?? stringAt(event.reportingComponent) ?? '',
  }
}
