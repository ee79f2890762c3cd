import type {ReleaseKnowledge} from '../compat/release-knowledge.js'
import type {DiffReferenceData} from '../diff/reference-data.js'
import type {DoctorAddonConfiguration, DoctorEvent, DoctorNetworkPolicy, DoctorServiceAccount, DoctorSystemPod} from './health-objects.js'

/** The reads of the health and mode checks; DoctorReads includes them. */
export interface HealthReads {
  /** DescribeAddonConfiguration for the running add-on version and its parsed configurationValues; null: no managed add-on. */
  addonConfiguration: DoctorAddonConfiguration | null
  /** ServiceAccount aws-node in kube-system; null when absent. */
  awsNodeServiceAccount: DoctorServiceAccount | null
  /** null: the networking.k8s.io NetworkPolicy API is not served. */
  networkPolicies: DoctorNetworkPolicy[] | null
  /** Every pod in kube-system (aws-node, kube-proxy, the network policy agent's DaemonSet is aws-node itself), from the pod list. */
  systemPods: DoctorSystemPod[]
  /** Warning events of every namespace (they live an hour: kube-apiserver --event-ttl). */
  warningEvents: DoctorEvent[]
}

/** The embedded engines' data, for checks that call compat and diff. */
export interface HealthFacts {
  diffReference: DiffReferenceData
  releases: ReleaseKnowledge
}
