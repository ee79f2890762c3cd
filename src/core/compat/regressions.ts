import {type CniVersion, compareCniVersions, parseCniVersion} from '../cni-version.js'
import {compareKubernetesVersions, type KubernetesVersion, parseKubernetesVersion} from './kubernetes-version.js'
import type {KnownRegression, ReleaseKnowledge} from './release-knowledge.js'

/** The known regressions whose release range contains `version`. */
export function regressionsOf(version: CniVersion, knowledge: ReleaseKnowledge): KnownRegression[] {
  return knowledge.regressions.filter(
    (r) => compareCniVersions(version, parseCniVersion(r.from)) >= 0 && compareCniVersions(version, parseCniVersion(r.to)) <= 0,
  )
}

/** Whether a regression limited to old control planes concerns this cluster; an unknown Kubernetes version counts as concerned. */
export function concernsKubernetes(regression: KnownRegression, kubernetes?: KubernetesVersion): boolean {
  if (!regression.kubernetesAtMost || !kubernetes) return true
  return compareKubernetesVersions(kubernetes, parseKubernetesVersion(regression.kubernetesAtMost)) <= 0
}

/** The regressions of `version` that concern a cluster on `kubernetes`. */
export function regressionsFor(version: CniVersion, knowledge: ReleaseKnowledge, kubernetes?: KubernetesVersion): KnownRegression[] {
  return regressionsOf(version, knowledge).filter((r) => concernsKubernetes(r, kubernetes))
}

/** One line: the range (unless the caller already named the release), the defect, when it bites, the fix. */
export function describeRegression(r: KnownRegression, options: {withRange: boolean} = {withRange: true}): string {
  const range = r.from === r.to ? r.from : `${r.from}–${r.to}`
  const when = [r.condition, r.kubernetesAtMost ? `on Kubernetes ${r.kubernetesAtMost} or older` : undefined].filter(Boolean).join(', ')
  return `${options.withRange ? `${range}: ` : ''}${r.summary}${when ? ` (${when})` : ''}${r.fixedIn ? `; fixed in ${r.fixedIn}` : ''}`
}
