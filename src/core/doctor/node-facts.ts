import {groupBy} from '../group-by.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import type {MaxPodsResult} from '../max-pods/compute-max-pods.js'
import type {AwsNodeSettings} from './aws-node-settings.js'
import type {DoctorEni, DoctorInstance, DoctorNode, DoctorPod} from './cluster-objects.js'
import {heldAddresses, indexEniAddresses} from './eni-addresses.js'
import {isFargateNode, nodeMaxPods} from './node-capacity.js'

/** ipamd leaves alone an ENI tagged so (and it still takes one of the instance's ENI slots). */
export const NO_MANAGE_TAG = 'node.k8s.amazonaws.com/no_manage'

/** One EC2 node as the capacity checks see it: its type's limits in the cluster's mode, its ENIs and its pods. */
export interface NodeFacts {
  /** Pod addresses bound to running pods, on the ENIs ipamd manages. */
  assigned: number
  /** Every ENI on the default network card that takes an ENI slot: managed, unmanaged and a trunk. */
  attachedEnis: DoctorEni[]
  /** Pod addresses the managed ENIs hold (secondary IPs, 16 per prefix). */
  held: number
  /** Workload pods: not host-network, not finished. */
  hostPods: number
  limits: InstanceTypeLimits
  managedEnis: DoctorEni[]
  maxPods: MaxPodsResult
  node: DoctorNode
  /** Pods bound to the node that have no address yet (ContainerCreating). */
  pendingWithoutIp: DoctorPod[]
  runningPods: number
  /** The subnet the instance was launched in. */
  subnetId: null | string
}

const isFinished = (pod: DoctorPod): boolean => pod.phase === 'Succeeded' || pod.phase === 'Failed'

export interface NodeFactsReads {
  instances?: DoctorInstance[]
  networkInterfaces: DoctorEni[]
  nodes: DoctorNode[]
  pods: DoctorPod[]
}

/**
 * The facts of one gathered input, kept while its lists live: four checks ask for them, and at 5,000 nodes indexing
 * them is most of a check's time. Inputs are never changed once gathered, so the same lists give the same facts.
 */
const memo = new WeakMap<DoctorNode[], {facts: NodeFacts[]; key: unknown[]}>()

/** Facts for every EC2 node of a known type (Fargate and unknown types left out), indexed once for all checks. */
export function collectNodeFacts(reads: NodeFactsReads, settings: AwsNodeSettings, instanceTypes: Record<string, InstanceTypeLimits>): NodeFacts[] {
  const key = [reads.instances, reads.networkInterfaces, reads.pods, JSON.stringify(settings.config), instanceTypes]
  const known = memo.get(reads.nodes)
  if (known && known.key.every((part, i) => part === key[i])) return known.facts
  const facts = indexNodeFacts(reads, settings, instanceTypes)
  memo.set(reads.nodes, {facts, key})
  return facts
}

function indexNodeFacts(reads: NodeFactsReads, settings: AwsNodeSettings, instanceTypes: Record<string, InstanceTypeLimits>): NodeFacts[] {
  const enisOf = groupBy(reads.networkInterfaces.filter((e) => e.attachment?.instanceId), (e) => e.attachment!.instanceId!)
  const podsOf = groupBy(reads.pods.filter((p) => p.nodeName && !isFinished(p)), (p) => p.nodeName!)
  const subnetOf = new Map((reads.instances ?? []).map((i) => [i.instanceId, i.subnetId]))
  const facts: NodeFacts[] = []
  for (const node of reads.nodes) {
    const limits = node.instanceType ? instanceTypes[node.instanceType] : undefined
    if (!limits || isFargateNode(node) || !node.instanceId) continue
    const enis = enisOf.get(node.instanceId) ?? []
    const attachedEnis = enis.filter((e) => (e.attachment?.networkCardIndex ?? 0) === 0 && e.interfaceType !== 'branch')
    const managedEnis = attachedEnis.filter((e) => (e.interfaceType ?? 'interface') === 'interface' && e.tags[NO_MANAGE_TAG] !== 'true')
    const pods = podsOf.get(node.name) ?? []
    const workload = pods.filter((p) => !p.hostNetwork)
    const eniOfIp = indexEniAddresses(managedEnis)
    facts.push({
      assigned: workload.filter((p) => p.podIp !== null && eniOfIp(p.podIp)).length,
      attachedEnis,
      held: managedEnis.reduce((sum, e) => sum + heldAddresses(e), 0),
      hostPods: pods.length - workload.length,
      limits,
      managedEnis,
      maxPods: nodeMaxPods(limits, settings),
      node,
      pendingWithoutIp: workload.filter((p) => p.podIp === null && p.phase === 'Pending'),
      runningPods: workload.filter((p) => p.podIp !== null).length,
      subnetId: subnetOf.get(node.instanceId) ?? null,
    })
  }

  return facts
}
