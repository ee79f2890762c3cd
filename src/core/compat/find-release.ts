import {UserError} from '../../errors.js'
import {type CniVersion, parseCniVersion} from '../cni-version.js'
import {describeHorizonPlace, placeOnHorizon} from '../release-horizon.js'
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

/** The releases of one minor version, oldest first. */
export function releasesOfMinor(minor: number, knowledge: ReleaseKnowledge): CniRelease[] {
  return knowledge.releases.filter((r) => parseCniVersion(r.version).minor === minor)
}

/** The known release just below and just above `version` (or the newest, when it is beyond the data). */
export function nearestKnownVersions(version: CniVersion, knowledge: ReleaseKnowledge): string[] {
  return placeOnHorizon(version, knownVersions(knowledge)).nearest
}

export const knownVersions = (knowledge: ReleaseKnowledge): string[] => knowledge.releases.map((r) => r.version)

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
  const place = placeOnHorizon(version, knownVersions(knowledge))
  if (place.kind === 'newer' && options.allowNewer) return {version}
  throw new UserError(`${options.what} ${describeHorizonPlace(version, place)}`, {hint: `nearest known: ${place.nearest.join(', ')}`, suggestions: place.nearest})
}
