import {arrayAt, objectAt, stringAt} from './json-fields.js'
import type {JsonObject, PodSummary} from './types.js'

export function summarizePod(pod: JsonObject): PodSummary {
  const metadata = objectAt(pod.metadata)
  const spec = objectAt(pod.spec)
  const status = objectAt(pod.status)
  return {
    hostNetwork: spec.hostNetwork === true,
    name: stringAt(metadata.name) ?? '',
    namespace: stringAt(metadata.namespace) ?? '',
    nodeName: stringAt(spec.nodeName),
    phase: stringAt(status.phase) ?? 'Unknown',
    podIp: stringAt(status.podIP),
    podIps: arrayAt(status.podIPs).map((entry) => stringAt(entry.ip)).filter((ip): ip is string => ip !== null),
  }
}
