import {UserError} from '../../errors.js'
import {type CniVersion, compareCniVersions, parseCniVersion} from '../cni-version.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'

/** A version the user named, matched against the embedded releases. */
export interface ResolvedCni {
  /** The release, absent only when the version is newer than every release the data knows. */
  release?: CniRelease
  version: CniVersion
}

export function findRelease(version: CniVersion, knowledge: ReleaseKnowledge): CniRelease | undefined {
  return knowledge.releases.find((r) => r.version === version.text)
}

export function newestRelease(knowledge: ReleaseKnowledge): CniRelease {
  return knowledge.releases.at(-1) as CniRelease
}

/** The releases of one minor version, oldest first. */
export function releasesOfMinor(minor: number, knowledge: ReleaseKnowledge): CniRelease[] {
  return knowledge.releases.filter((r) => parseCniVersion(r.version).minor === minor)
}

/** The known release just below and just above `version` (or the newest, when it is beyond the data). */
export function nearestKnownVersions(version: CniVersion, knowledge: ReleaseKnowledge): string[] {
  const below = knowledge.releases.filter((r) => compareCniVersions(parseCniVersion(r.version), version) < 0).at(-1)
  const above = knowledge.releases.find((r) => compareCniVersions(parseCniVersion(r.version), version) > 0)
  return [below, above].filter((r): r is CniRelease => r !== undefined).map((r) => r.version)
}

/**
 * Parses a version and finds its release. A version between known releases that was never tagged is bad input
 * (exit 2, naming its neighbours); one newer than the data is accepted only when `allowNewer` is set.
 */
export function resolveCniVersion(input: string, knowledge: ReleaseKnowledge, options: {allowNewer: boolean; what: string}): ResolvedCni {
  const version = parseCniVersion(input)
  if (version.minorOnly) {
    const patches = releasesOfMinor(version.minor, knowledge).map((r) => r.version)
    throw new UserError(`${options.what} ${input} names a minor version, not a release`, {
      hint: patches.length > 0 ? `name one of ${patches.join(', ')}` : 'write it as v1.19.2',
      suggestions: patches,
    })
  }

  const release = findRelease(version, knowledge)
  if (release) return {release, version}
  const newest = newestRelease(knowledge)
  const beyond = compareCniVersions(version, parseCniVersion(newest.version)) > 0
  if (beyond && options.allowNewer) return {version}
  const nearest = nearestKnownVersions(version, knowledge)
  const why = beyond ? `is newer than the newest release vpccni knows (${newest.version})` : 'is not a known VPC CNI release'
  throw new UserError(`${options.what} ${version.text} ${why}`, {hint: `nearest known: ${nearest.join(', ')}`, suggestions: nearest})
}
