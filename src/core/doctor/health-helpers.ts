import type {FindingResource} from './check.js'
import type {DoctorSystemPod} from './health-objects.js'

export const AWS_NODE_DAEMONSET: FindingResource = {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'}
export const AWS_NODE_SERVICE_ACCOUNT: FindingResource = {kind: 'ServiceAccount', name: 'aws-node', namespace: 'kube-system'}
export const VPC_CNI_ADDON: FindingResource = {kind: 'Addon', name: 'vpc-cni'}

/** Names for evidence, capped so a finding about thousands of pods or nodes stays small. */
export function cappedNames(names: string[], limit = 10): string[] {
  return names.length > limit ? [...names.slice(0, limit), `… and ${names.length - limit} more`] : names
}

/** The aws-node pods among the kube-system pods (label k8s-app=aws-node). */
export const awsNodePods = (pods: DoctorSystemPod[]): DoctorSystemPod[] => pods.filter((p) => p.app === 'aws-node')

/** A field of a plain object by path, or undefined. */
export function fieldAt(object: unknown, path: string[]): unknown {
  let value = object
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return value
}
