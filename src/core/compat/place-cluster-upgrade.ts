import {UserError} from '../../errors.js'
import {isAtLeast, parseCniVersion} from '../cni-version.js'
import {ruleSource} from './compat-reason.js'
import {minimumCniFor} from './kubernetes-tables.js'
import {type KubernetesVersion, kubernetesMinorsBetween} from './kubernetes-version.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'
import type {ClusterUpgrade, PlanCommand} from './upgrade-plan-types.js'

function clusterCommands(cluster: string, minors: string[]): PlanCommand[] {
  return minors.flatMap((minor) => [
    {command: `aws eks update-cluster-version --name ${cluster} --kubernetes-version ${minor}`, purpose: `control plane to ${minor} (one minor at a time)`},
    {command: `aws eks wait cluster-active --name ${cluster}`, purpose: 'wait for the control plane; then upgrade the nodes to the same minor'},
  ])
}

/**
 * Where the control-plane upgrade fits among the CNI steps: as early as the CNI allows. A CNI below v1.8.0 is updated
 * all the way first (EKS docs); otherwise the CNI must first reach the oldest version recommended for the target.
 */
export function placeClusterUpgrade(
  path: CniRelease[],
  kubernetes: {current?: KubernetesVersion; target: KubernetesVersion},
  knowledge: ReleaseKnowledge,
  cluster: string,
): ClusterUpgrade {
  const [from, ...hops] = path
  const minors = kubernetes.current ? kubernetesMinorsBetween(kubernetes.current, kubernetes.target) : [kubernetes.target.text]
  const base = {commands: clusterCommands(cluster, minors), from: kubernetes.current?.text ?? null, to: kubernetes.target.text}
  if (!isAtLeast(parseCniVersion(from.version), 'v1.8.0')) {
    const reason = `pre-cluster-upgrade-1.8: the CNI is below v1.8.0, so every CNI step comes first (${ruleSource('pre-cluster-upgrade-1.8', knowledge)})`
    return {...base, afterStep: hops.length, reason}
  }

  const minimum = minimumCniFor(kubernetes.target, knowledge)
  if (!minimum.value) return {...base, afterStep: 0, reason: `no CNI minimum is recorded for Kubernetes ${kubernetes.target.text}`}
  const floor = minimum.value
  const index = path.findIndex((r) => isAtLeast(parseCniVersion(r.version), floor))
  if (index === -1) {
    const last = path.at(-1) as CniRelease
    throw new UserError(`the plan ends at ${last.version}, below ${floor}, the oldest CNI recommended for Kubernetes ${minimum.kubernetesUsed}`, {
      hint: `pass --to ${floor} or later`,
      suggestions: [floor],
    })
  }

  const reason =
    index === 0
      ? `${from.version} already meets ${floor}, the minimum for Kubernetes ${minimum.kubernetesUsed}: upgrade the cluster first, then the CNI (EKS updates add-ons after the control plane and nodes)`
      : `the CNI must reach ${floor}, the minimum for Kubernetes ${minimum.kubernetesUsed}, before the control plane moves (${minimum.source})`
  return {...base, afterStep: index, reason}
}
