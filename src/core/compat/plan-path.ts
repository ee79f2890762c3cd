import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import {releasesOfMinor} from './find-release.js'
import type {KubernetesVersion} from './kubernetes-version.js'
import {regressionsFor} from './regressions.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'

/**
 * The release to stop at within one minor: its latest patch, passing over patches with a known regression that concerns
 * this cluster when a later patch exists (the latest patch is taken even when regressed: there is nothing after it).
 */
export function pickIntermediate(minor: number, knowledge: ReleaseKnowledge, kubernetes?: KubernetesVersion): CniRelease | undefined {
  const newestFirst = releasesOfMinor(minor, knowledge).reverse()
  return newestFirst.find((r) => regressionsFor(parseCniVersion(r.version), knowledge, kubernetes).length === 0) ?? newestFirst[0]
}

/**
 * The releases to move through from `from` to `to`, `to` last. One minor version at a time, each intermediate hop the
 * latest patch of its minor (best-practices guide); stepping minor by minor also passes through v1.7.x, which the EKS docs
 * require before v1.12.0.
 */
export function planPath(from: CniRelease, to: CniRelease, knowledge: ReleaseKnowledge, kubernetes?: KubernetesVersion): CniRelease[] {
  const start = parseCniVersion(from.version)
  const end = parseCniVersion(to.version)
  if (compareCniVersions(start, end) >= 0) return []
  const hops: CniRelease[] = []
  for (let minor = start.minor + 1; minor < end.minor; minor++) {
    const hop = pickIntermediate(minor, knowledge, kubernetes)
    if (hop) hops.push(hop)
  }

  hops.push(to)
  return hops
}
