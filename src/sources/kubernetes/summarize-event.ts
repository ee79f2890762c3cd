import {objectAt, stringAt} from './json-fields.js'
import type {EniConfigSummary, JsonObject, SandboxFailureEvent} from './types.js'

/** A FailedCreatePodSandBox event: the pod it concerns, the node, and the CNI's message (e.g. "failed to assign an IP"). */
export function summarizeSandboxFailure(event: JsonObject): SandboxFailureEvent {
  const metadata = objectAt(event.metadata)
  const involved = objectAt(event.involvedObject)
  return {
    count: typeof event.count === 'number' ? event.count : 1,
    lastSeen: lastSeenOf(event),
    message: stringAt(event.message) ?? '',
    namespace: stringAt(involved.namespace) ?? stringAt(metadata.namespace) ?? '',
    nodeName: stringAt(objectAt(event.source).host) ?? stringAt(event.reportingInstance),
    podName: stringAt(involved.name) ?? '',
  }
}

/** When an event was last seen: the latest of lastTimestamp, eventTime and series.lastObservedTime (events.k8s.io writes the latter two). */
export function lastSeenOf(event: JsonObject): null | string {
  const times = [event.lastTimestamp, event.eventTime, objectAt(event.series).lastObservedTime]
    .map((value) => stringAt(value))
    .filter((value): value is string => value !== null)
    .sort()
  return times.at(-1) ?? null
}

export function summarizeEniConfig(eniConfig: JsonObject): EniConfigSummary {
  const spec = objectAt(eniConfig.spec)
  return {
    name: stringAt(objectAt(eniConfig.metadata).name) ?? '',
    securityGroups: Array.isArray(spec.securityGroups) ? spec.securityGroups.filter((g): g is string => typeof g === 'string') : [],
    subnet: stringAt(spec.subnet) ?? '',
  }
}
