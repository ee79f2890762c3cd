import {UserError} from '../errors.js'
import {quoteInput} from './quote-input.js'

/** A VPC CNI version as users write it: `v1.2.3`, `1.2.3`, `1.9` or an add-on name such as `v1.21.1-eksbuild.8`. */
export interface CniVersion {
  major: number
  minor: number
  patch: number
  /** The EKS add-on build, e.g. `eksbuild.8`, when the input named one. */
  build?: string
  /** True for `1.9`: a minor version, not a release (fine for feature floors, ambiguous for a verdict). */
  minorOnly?: boolean
  /** Canonical form, `v1.21.1`. */
  text: string
}

const VERSION_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-(eksbuild\.\d+))?$/

export function parseCniVersion(input: string): CniVersion {
  const match = VERSION_PATTERN.exec(input.trim())
  if (!match) {
    throw new UserError(`malformed CNI version ${quoteInput(input)}`, {hint: 'write it as v1.19.2, 1.19.2 or v1.19.2-eksbuild.1'})
  }

  const [major, minor, patch] = [match[1], match[2], match[3] ?? '0'].map(Number)
  if (![major, minor, patch].every((n) => Number.isSafeInteger(n))) {
    throw new UserError(`CNI version ${quoteInput(input)} has a number too large to be a version`, {hint: 'write it as v1.19.2'})
  }

  // Every VPC CNI release is v1.x: a v2 would be a new product line the data cannot speak for.
  if (major !== 1) throw new UserError(`CNI version ${quoteInput(input)} is not a v1 release: every VPC CNI release is v1.x`, {hint: 'write it as v1.19.2'})
  const version: CniVersion = {build: match[4], major, minor, patch, text: `v${major}.${minor}.${patch}`}
  return match[3] === undefined ? {...version, minorOnly: true} : version
}

/** Negative when a < b, zero when equal, positive when a > b; the add-on build is ignored. */
export function compareCniVersions(a: CniVersion, b: CniVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

export function isAtLeast(version: CniVersion, floor: string): boolean {
  return compareCniVersions(version, parseCniVersion(floor)) >= 0
}
