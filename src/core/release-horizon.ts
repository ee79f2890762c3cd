import {type CniVersion, compareCniVersions, parseCniVersion} from './cni-version.js'

/**
 * Where a CNI version stands against the releases vpccni's data knows. Every command that names "the newest release
 * known" (compat, upgrade-plan, diff, and the default --cni-version of max-pods, which is the newest of the same list)
 * places a version with this, so a patch release beyond the data (v1.23.1 when v1.23.0 is the newest tag) reads the
 * same everywhere.
 */
export interface HorizonPlace {
  /** known: a tagged release in the data; newer: beyond the newest; older: before the oldest; untagged: in between, never tagged. */
  kind: 'known' | 'newer' | 'older' | 'untagged'
  /** The known releases just below and just above the version (one of them at either end). */
  nearest: string[]
  newest: string
  oldest: string
  /** For a newer version of the newest known minor (a patch beyond the data): that minor's newest known release. */
  patchOf?: string
}

/** Places a version on the horizon of `known` (tagged releases, any order). */
export function placeOnHorizon(version: CniVersion, known: readonly string[]): HorizonPlace {
  const sorted = known.map((v) => parseCniVersion(v)).sort(compareCniVersions)
  const newest = sorted.at(-1) as CniVersion
  const oldest = sorted[0]
  const below = sorted.filter((r) => compareCniVersions(r, version) < 0).at(-1)
  const above = sorted.find((r) => compareCniVersions(r, version) > 0)
  const nearest = [below, above].filter((r): r is CniVersion => r !== undefined).map((r) => r.text)
  const place = {nearest, newest: newest.text, oldest: oldest.text}
  if (sorted.some((r) => compareCniVersions(r, version) === 0)) return {...place, kind: 'known'}
  if (compareCniVersions(version, newest) > 0) {
    const samePatchLine = version.major === newest.major && version.minor === newest.minor
    return {...place, kind: 'newer', ...(samePatchLine ? {patchOf: newest.text} : {})}
  }

  return {...place, kind: compareCniVersions(version, oldest) < 0 ? 'older' : 'untagged'}
}

/** The one wording of a version beyond or outside the data, for warnings and errors alike. */
export function describeHorizonPlace(version: CniVersion, place: HorizonPlace): string {
  switch (place.kind) {
    case 'known': {
      return `${version.text} is a release vpccni knows`
    }

    case 'newer': {
      const patch = place.patchOf ? `, a patch release of its v${version.major}.${version.minor} line` : ''
      return `${version.text} is newer than the newest release vpccni knows (${place.newest})${patch}`
    }

    case 'older': {
      return `${version.text} is older than the oldest release vpccni knows (${place.oldest})`
    }

    case 'untagged': {
      return `${version.text} is not a known VPC CNI release`
    }
  }
}
