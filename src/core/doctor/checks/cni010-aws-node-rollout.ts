import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorAwsNode} from '../cluster-objects.js'
import type {DoctorSystemPod} from '../health-objects.js'
import {AWS_NODE_DAEMONSET, awsNodePods, cappedNames, fieldAt} from '../health-helpers.js'

/** Restarts from which an aws-node pod counts as restarting repeatedly (ipamd failing to start, probes timing out). */
export const RESTART_THRESHOLD = 5

/**
 * The DaemonSet's maxUnavailable as a pod count: an integer, or a percentage of the desired pods rounded up
 * (as the DaemonSet controller scales it); Kubernetes' default is 1.
 */
export function allowedUnavailable(value: unknown, desired: number): number {
  if (typeof value === 'number') return value
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null
  if (percent) return Math.ceil((Number(percent[1]) * desired) / 100)
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 1
}

/**
 * CNI010: the aws-node rollout: more pods unavailable than maxUnavailable allows (nodes without a working CNI), pods
 * running different images (a stuck or partial update), pods restarting repeatedly (ipamd failing its start).
 */
export function checkAwsNodeRollout(input: CheckInput<'awsNode', 'systemPods'>): CheckFinding[] {
  const {awsNode, systemPods} = input.reads
  if (!awsNode) return []
  const pods = awsNodePods(systemPods ?? [])
  return [...unavailable(awsNode, pods), ...mixedImages(pods), ...restarting(pods)]
}

function unavailable(awsNode: DoctorAwsNode, pods: DoctorSystemPod[]): CheckFinding[] {
  const {desiredNumberScheduled: desired, numberAvailable: available, updatedNumberScheduled: updated} = awsNode.status
  const down = Math.max(0, desired - available)
  const maxUnavailable = fieldAt(awsNode.manifest, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']) ?? 1
  const allowed = allowedUnavailable(maxUnavailable, desired)
  if (down <= allowed) return []
  const notReady = pods.filter((p) => !p.ready)
  return [{
    evidence: {
      allowedUnavailable: allowed, desired, maxUnavailable: String(maxUnavailable), notReadyNodes: cappedNames(notReady.map((p) => p.nodeName ?? '?')),
      notReadyPods: cappedNames(notReady.map((p) => p.name)), numberAvailable: available, unavailable: down, updated,
    },
    message: `${down} of ${desired} aws-node pods are unavailable, above maxUnavailable ${String(maxUnavailable)} (${allowed}): pods on those nodes get no IP address`,
    remedy: 'kubectl -n kube-system describe pod -l k8s-app=aws-node on the named nodes and read ipamd.log (/var/log/aws-routed-eni/); fix the cause (IAM, API server reachability, subnet addresses) before the rollout continues',
    resource: AWS_NODE_DAEMONSET,
    severity: 'error',
  }]
}

function mixedImages(pods: DoctorSystemPod[]): CheckFinding[] {
  const byContainer = new Map<string, Map<string, number>>()
  for (const pod of pods) {
    for (const [container, image] of Object.entries(pod.images)) {
      const counts = byContainer.get(container) ?? new Map<string, number>()
      counts.set(image, (counts.get(image) ?? 0) + 1)
      byContainer.set(container, counts)
    }
  }

  const mixed = [...byContainer].filter(([, counts]) => counts.size > 1)
  if (mixed.length === 0) return []
  const describe = ([container, counts]: [string, Map<string, number>]) =>
    `${container}: ${[...counts].sort((a, b) => b[1] - a[1]).map(([image, n]) => `${n} × ${image.split('/').at(-1)}`).join(', ')}`
  return [{
    evidence: {
      containers: mixed.map(([c]) => c),
      images: mixed.flatMap(([container, counts]) => [...counts].map(([image, n]) => `${container} ${image} ${n}`)),
      pods: pods.length,
    },
    message: `aws-node pods run different images (${mixed.map((m) => describe(m)).join('; ')}): a rollout is stuck or pods were changed one by one`,
    remedy: 'kubectl -n kube-system rollout status ds/aws-node; if it is stuck, find the pods not updated (kubectl -n kube-system get pods -l k8s-app=aws-node -o wide) and why',
    resource: AWS_NODE_DAEMONSET,
    severity: 'warning',
  }]
}

function restarting(pods: DoctorSystemPod[]): CheckFinding[] {
  const often = pods.filter((p) => p.restarts >= RESTART_THRESHOLD).sort((a, b) => b.restarts - a.restarts)
  if (often.length === 0) return []
  return [{
    evidence: {
      maxRestarts: often[0].restarts, nodes: cappedNames(often.map((p) => p.nodeName ?? '?')), pods: cappedNames(often.map((p) => `${p.name} (${p.restarts})`)),
      podsRestarting: often.length, threshold: RESTART_THRESHOLD,
    },
    message: `${often.length} aws-node pod${often.length === 1 ? '' : 's'} restarted ${RESTART_THRESHOLD} times or more (most: ${often[0].restarts}, ${often[0].name}): ipamd keeps failing to start or its probes time out`,
    remedy: 'kubectl -n kube-system logs --previous on the pod and read /var/log/aws-routed-eni/ipamd.log on its node: IAM permissions, API server reachability, CPU starvation of the probes',
    resource: AWS_NODE_DAEMONSET,
    severity: 'warning',
  }]
}
