import type {LabelSelector} from '../label-selector.js'

/**
 * The objects the health and mode checks (CNI010–CNI031) read, beside those of cluster-objects.ts: plain data in
 * core's terms, returned unchanged by the sources (src/sources/kubernetes/health-readers.ts).
 */

/** A kube-system pod (aws-node, kube-proxy, ...): its app label, where it runs, whether it is Ready and how often it restarted. */
export interface DoctorSystemPod {
  /** `k8s-app` label, else `app`, else ''. */
  app: string
  /** Image of each container, in spec order, by container name. */
  images: Record<string, string>
  name: string
  nodeName: null | string
  phase: string
  /** The pod's Ready condition is True. */
  ready: boolean
  /** Restarts summed over the pod's containers. */
  restarts: number
}

/** A Warning event, any namespace: what happened (reason, message), to what, and who saw it. */
export interface DoctorEvent {
  count: number
  involved: {kind: string; name: string; namespace: string}
  lastSeen: null | string
  message: string
  /** The node the event concerns: `source.host`, else the involved Node's name. */
  nodeName: null | string
  reason: string
  /** `source.component` or `reportingComponent`: kubelet, eks-node-monitoring-agent, vpc-resource-controller, ... */
  reporter: string
}

export interface DoctorServiceAccount {
  annotations: Record<string, string>
  name: string
}

export interface DoctorNetworkPolicy {
  name: string
  namespace: string
  /** The pods of its namespace it applies to (the empty selector: all). Absent in snapshots taken before vpccni read it. */
  podSelector?: LabelSelector
}

/** DescribeAddonConfiguration and the add-on's configurationValues as parsed JSON or YAML: what the diff engine compares. */
export interface DoctorAddonConfiguration {
  /** null when EKS gave none for the running add-on version. */
  configurationSchema: null | string
  /** null when none are set or they are neither JSON nor YAML. */
  configurationValues: null | Record<string, unknown>
}
