import type {DoctorEvent, DoctorNetworkPolicy, DoctorServiceAccount} from '../../core/doctor/health-objects.js'

/**
 * The Kubernetes reads of doctor's health and mode checks, and the RBAC permission each needs (docs/rbac.yaml). The
 * kube-system pods are no read of their own: the pod list holds them (PodSummary.system).
 */
export const HEALTH_KUBE_CALLS = {
  listNetworkPolicies: {call: 'kubernetes:listNetworkPolicies', permission: 'list networkpolicies.networking.k8s.io'},
  listWarningEvents: {call: 'kubernetes:listWarningEvents', permission: 'list events'},
  readAwsNodeServiceAccount: {call: 'kubernetes:readAwsNodeServiceAccount', permission: 'get serviceaccounts aws-node in kube-system'},
} as const

/** The same calls on a KubernetesSource and a ClusterSource (live or snapshot). */
export interface HealthKubeReads {
  listNetworkPolicies(): Promise<DoctorNetworkPolicy[] | null>
  listWarningEvents(): Promise<DoctorEvent[]>
  readAwsNodeServiceAccount(): Promise<DoctorServiceAccount | null>
}
