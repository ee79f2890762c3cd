import {type CniVersion, compareCniVersions, isAtLeast, parseCniVersion} from '../cni-version.js'
import type {ClusterCniFacts} from './cluster-cni-facts.js'
import {type CompatReason, ruleSource} from './compat-reason.js'
import {describeHorizonPlace, placeOnHorizon} from '../release-horizon.js'
import {knownVersions, resolveCniVersion} from './find-release.js'
import {isCovered, kubernetesCoverage, minimumCniFor, recommendedAddonFor} from './kubernetes-tables.js'
import {compareKubernetesVersions, type KubernetesVersion, parseKubernetesVersion} from './kubernetes-version.js'
import {describeRegression, regressionsFor} from './regressions.js'
import type {ReleaseKnowledge} from './release-knowledge.js'

export type CompatVerdict = 'compatible' | 'incompatible' | 'unknown'

export interface CompatReport {
  cniVersion: string
  /** True only when the verdict is compatible: an unknown verdict is not a pass. */
  compatible: boolean
  dataGeneratedAt: string
  features: Array<{available: boolean; id: string; title: string}>
  installKind: null | string
  kubernetesVersion: string
  minimumCni: null | string
  reasons: CompatReason[]
  recommendedAddon: null | string
  schemaVersion: 1
  /** unknown: the Kubernetes version is outside what the data covers (and no rule says it breaks). */
  verdict: CompatVerdict
  warnings: string[]
}

function checkMinimum(cni: CniVersion, k8s: KubernetesVersion, knowledge: ReleaseKnowledge): CompatReason[] {
  const min = minimumCniFor(k8s, knowledge)
  const rule = 'kubernetes-minimum'
  if (!min.value) {
    return [{message: `no minimum CNI is recorded for Kubernetes ${k8s.text} (the table covers ${min.covers})`, rule, severity: 'warning', source: min.source}]
  }

  const reasons: CompatReason[] = []
  if (min.position === 'newer') {
    const message = `Kubernetes ${k8s.text} is newer than the minimum table (${min.covers}): the newest known minimum, ${min.value} for ${min.kubernetesUsed}, applies`
    // A warning either way: the minimum table does not know this version, whatever the recommendation table says.
    reasons.push({message, rule: 'kubernetes-newer-than-data', severity: 'warning', source: min.source})
  }

  const meets = isAtLeast(cni, min.value)
  const message = meets
    ? `${cni.text} meets the minimum ${min.value} for Kubernetes ${min.kubernetesUsed}`
    : `${cni.text} is below ${min.value}, the oldest CNI recommended for Kubernetes ${min.kubernetesUsed}`
  reasons.push({message, rule, severity: meets ? 'info' : 'error', source: min.source})
  return reasons
}

function checkRules(cni: CniVersion, k8s: KubernetesVersion, knowledge: ReleaseKnowledge): CompatReason[] {
  const reasons: CompatReason[] = []
  if (compareKubernetesVersions(k8s, parseKubernetesVersion('1.26')) >= 0 && !isAtLeast(cni, 'v1.12.0')) {
    const id = 'k8s-1.26-needs-1.12'
    reasons.push({message: `Kubernetes 1.26 and newer need CNI v1.12.0 or newer: ${cni.text} crashes`, rule: id, severity: 'error', source: ruleSource(id, knowledge)})
  }

  if (!isAtLeast(cni, 'v1.8.0')) {
    const id = 'pre-cluster-upgrade-1.8'
    const message = `${cni.text} is older than v1.8.0: update the CNI to the latest before any cluster upgrade`
    reasons.push({message, rule: id, severity: 'warning', source: ruleSource(id, knowledge)})
  }

  for (const r of regressionsFor(cni, knowledge, k8s)) {
    reasons.push({message: describeRegression(r), rule: r.breaks ? `known-broken:${r.id}` : `known-regression:${r.id}`, severity: r.breaks ? 'error' : 'warning', source: r.source})
  }

  return reasons
}

function checkRecommended(cni: CniVersion, k8s: KubernetesVersion, knowledge: ReleaseKnowledge): CompatReason[] {
  const rec = recommendedAddonFor(k8s, knowledge)
  if (!rec.value) return []
  const target = parseCniVersion(rec.value)
  if (compareCniVersions(cni, target) >= 0) {
    return [{message: `${cni.text} is at or above ${rec.value}, the EKS-recommended add-on for Kubernetes ${rec.kubernetesUsed}`, rule: 'eks-recommended', severity: 'info', source: rec.source}]
  }

  const message = `${cni.text} is below ${rec.value}, the EKS-recommended add-on for Kubernetes ${rec.kubernetesUsed}: see vpccni upgrade-plan --from ${cni.text}`
  return [{message, rule: 'eks-recommended', severity: 'warning', source: rec.source}]
}

/** Whether a CNI version suits a Kubernetes version, with every reason citing its rule and source. */
export function evaluateCompat(facts: ClusterCniFacts & {kubernetesVersion: string}, knowledge: ReleaseKnowledge): CompatReport {
  const resolved = resolveCniVersion(facts.cniVersion, knowledge, {allowNewer: true, what: 'CNI'})
  const cni = resolved.version
  const k8s = parseKubernetesVersion(facts.kubernetesVersion)
  const reasons: CompatReason[] = []
  if (!resolved.release) {
    const message = `${describeHorizonPlace(cni, placeOnHorizon(cni, knownVersions(knowledge)))}: checked against the floors only`
    reasons.push({message, rule: 'cni-newer-than-data', severity: 'warning', source: knowledge.sources[0].description})
  }

  const coverage = kubernetesCoverage(knowledge)
  const covered = isCovered(k8s, coverage)
  if (covered) {
    reasons.push(...checkMinimum(cni, k8s, knowledge), ...checkRules(cni, k8s, knowledge), ...checkRecommended(cni, k8s, knowledge))
  } else {
    const message = `Kubernetes ${k8s.text} is outside what vpccni's data covers (Kubernetes ${coverage.text}): compatibility is unknown`
    reasons.push({message, rule: 'kubernetes-outside-data', severity: 'warning', source: knowledge.kubernetesMinimum.source}, ...checkRules(cni, k8s, knowledge))
  }

  const verdict: CompatVerdict = reasons.some((r) => r.severity === 'error') ? 'incompatible' : covered ? 'compatible' : 'unknown'
  const features = knowledge.features.map((f) => ({
    available: isAtLeast(cni, f.since) && (!f.kubernetesAtLeast || compareKubernetesVersions(k8s, parseKubernetesVersion(f.kubernetesAtLeast)) >= 0),
    id: f.id,
    title: f.title,
  }))
  return {
    cniVersion: cni.text,
    compatible: verdict === 'compatible',
    dataGeneratedAt: knowledge.generatedAt,
    features,
    installKind: facts.installKind ?? null,
    kubernetesVersion: k8s.text,
    minimumCni: covered ? minimumCniFor(k8s, knowledge).value ?? null : null,
    reasons,
    recommendedAddon: covered ? recommendedAddonFor(k8s, knowledge).value ?? null : null,
    schemaVersion: 1,
    verdict,
    warnings: reasons.filter((r) => r.severity === 'warning').map((r) => r.message),
  }
}
