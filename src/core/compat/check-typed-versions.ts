import {resolveCniVersion} from './find-release.js'
import {parseKubernetesVersion} from './kubernetes-version.js'
import type {ReleaseKnowledge} from './release-knowledge.js'

export interface TypedCniVersion {
  allowNewer: boolean
  value: string | undefined
  what: string
}

/**
 * The versions the user typed, checked before anything is read from a cluster: a typo or an untagged
 * release is bad input (exit 2) even when the other facts will come from the cluster.
 */
export function checkTypedVersions(cni: TypedCniVersion[], kubernetes: Array<string | undefined>, knowledge: ReleaseKnowledge): void {
  for (const typed of cni) {
    if (typed.value !== undefined) resolveCniVersion(typed.value, knowledge, {allowNewer: typed.allowNewer, what: typed.what})
  }

  for (const version of kubernetes) if (version !== undefined) parseKubernetesVersion(version)
}
