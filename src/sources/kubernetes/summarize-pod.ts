import {summarizeEnvVar} from './summarize-aws-node.js'
import {type LabelInterner, labelInterner} from './intern-labels.js'
import {arrayAt, objectAt, stringAt, stringMap} from './json-fields.js'
import {summarizeSystemPod} from './summarize-health.js'
import type {AwsNodeAgent, JsonObject, PodSummary} from './types.js'

/** The extended resource the VPC resource controller's webhook adds to pods that get security groups (rpc_handler.go). */
const POD_ENI = 'vpc.amazonaws.com/pod-eni'

/** One pod as doctor and the dry run read it; a listing passes its own `internLabels`, so its pods share label sets. */
export function summarizePod(pod: JsonObject, internLabels: LabelInterner = labelInterner()): PodSummary {
  const metadata = objectAt(pod.metadata)
  const spec = objectAt(pod.spec)
  const status = objectAt(pod.status)
  const resources = objectAt(arrayAt(spec.containers)[0]?.resources)
  const isAwsNode = metadata.namespace === 'kube-system' && stringMap(metadata.labels)['k8s-app'] === 'aws-node'
  return {
    agent: isAwsNode ? summarizeAgent(spec, status) : null,
    hostNetwork: spec.hostNetwork === true,
    labels: internLabels(metadata.labels),
    name: stringAt(metadata.name) ?? '',
    namespace: stringAt(metadata.namespace) ?? '',
    nodeName: stringAt(spec.nodeName),
    phase: stringAt(status.phase) ?? 'Unknown',
    podEni: POD_ENI in objectAt(resources.requests) || POD_ENI in objectAt(resources.limits),
    podIp: stringAt(status.podIP),
    podIps: arrayAt(status.podIPs).map((entry) => stringAt(entry.ip)).filter((ip): ip is string => ip !== null),
    system: metadata.namespace === 'kube-system' ? summarizeSystemPod(pod) : null,
  }
}

function summarizeAgent(spec: JsonObject, status: JsonObject): AwsNodeAgent {
  const container = arrayAt(spec.containers).find((c) => c.name === 'aws-node') ?? {}
  const running = arrayAt(status.containerStatuses).find((c) => c.name === 'aws-node')
  return {
    env: arrayAt(container.env).map((entry) => summarizeEnvVar(entry)),
    image: stringAt(container.image) ?? '',
    startedAt: stringAt(objectAt(objectAt(running?.state).running).startedAt),
  }
}
