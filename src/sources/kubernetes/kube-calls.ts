import {HEALTH_KUBE_CALLS} from './health-calls.js'

/** Every call and the RBAC permission it needs; docs/rbac.yaml grants exactly these (checked against the lab). */
export const KUBE_CALLS = {
  ...HEALTH_KUBE_CALLS,
  listEniConfigs: {call: 'kubernetes:listEniConfigs', permission: 'list eniconfigs.crd.k8s.amazonaws.com'},
  listNodes: {call: 'kubernetes:listNodes', permission: 'list nodes'},
  listPods: {call: 'kubernetes:listPods', permission: 'list pods'},
  listSandboxFailures: {call: 'kubernetes:listSandboxFailures', permission: 'list events'},
  readAwsNode: {call: 'kubernetes:readAwsNode', permission: 'get daemonsets.apps aws-node in kube-system'},
  readCniConfigMap: {call: 'kubernetes:readCniConfigMap', permission: 'get configmaps amazon-vpc-cni in kube-system'},
  readServerVersion: {call: 'kubernetes:readServerVersion', permission: 'get /version'},
} as const

export type KubeCallName = keyof typeof KUBE_CALLS
export type KubeCall = (typeof KUBE_CALLS)[KubeCallName]
