import {groupBy} from '../group-by.js'
import {type LabelSelector, selectorMatches} from '../label-selector.js'
import type {DoctorNode, DoctorPod} from './cluster-objects.js'
import type {DoctorNetworkPolicy} from './health-objects.js'
import {isFargateNode} from './node-capacity.js'

/**
 * The running pods no NetworkPolicy selects, by namespace (names sorted), among those the aws-node agents enforce on:
 * not host-network (the CNI's strict mode exempts them) and not on Fargate (no aws-node there). A NetworkPolicy selects
 * pods of its own namespace only. Undefined when the input cannot tell: pod labels or policy selectors not read (a
 * snapshot taken before vpccni read them).
 */
export function podsSelectedByNoPolicy(pods: DoctorPod[], policies: DoctorNetworkPolicy[], nodes: DoctorNode[]): Map<string, string[]> | undefined {
  if (policies.some((p) => !p.podSelector)) return undefined
  const selectors = groupBy(policies, (p) => p.namespace)
  const fargate = new Set(nodes.filter((n) => isFargateNode(n)).map((n) => n.name))
  // Pods of one ReplicaSet share one labels object: each distinct set is matched once per namespace.
  const verdicts = new Map<string, Map<Readonly<Record<string, string>>, boolean>>()
  const unselected = new Map<string, string[]>()
  for (const pod of pods) {
    if (pod.hostNetwork || pod.phase !== 'Running' || (pod.nodeName !== null && fargate.has(pod.nodeName))) continue
    if (!pod.labels) return undefined
    const known = verdicts.get(pod.namespace) ?? new Map<Readonly<Record<string, string>>, boolean>()
    verdicts.set(pod.namespace, known)
    let selected = known.get(pod.labels)
    if (selected === undefined) {
      selected = (selectors.get(pod.namespace) ?? []).some((p) => selectorMatches(p.podSelector as LabelSelector, pod.labels!))
      known.set(pod.labels, selected)
    }

    if (selected) continue
    const names = unselected.get(pod.namespace)
    if (names) names.push(pod.name)
    else unselected.set(pod.namespace, [pod.name])
  }

  for (const names of unselected.values()) names.sort()
  return unselected
}
