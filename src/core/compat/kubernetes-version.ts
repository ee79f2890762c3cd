import {UserError} from '../../errors.js'
import {quoteInput} from '../quote-input.js'

/** A Kubernetes minor version, from `1.30`, `v1.30`, `1.30.4` or a server version such as `v1.30.4-eks-a737599`. */
export interface KubernetesVersion {
  major: number
  minor: number
  /** `1.30`: the form EKS tables and APIs use. */
  text: string
}

const KUBERNETES_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]+)?$/

export function parseKubernetesVersion(input: string): KubernetesVersion {
  const match = KUBERNETES_PATTERN.exec(input.trim())
  if (!match || match[1] !== '1') {
    throw new UserError(`malformed Kubernetes version ${quoteInput(input)}`, {hint: 'write it as 1.30 or v1.30.4-eks-a737599'})
  }

  const minor = Number(match[2])
  if (!Number.isSafeInteger(minor)) {
    throw new UserError(`Kubernetes version ${quoteInput(input)} has a number too large to be a version`, {hint: 'write it as 1.30'})
  }

  return {major: 1, minor, text: `1.${minor}`}
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareKubernetesVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.major - b.major || a.minor - b.minor
}

/** The Kubernetes minors from `from` (exclusive) to `to` (inclusive): a control plane moves one minor at a time. */
export function kubernetesMinorsBetween(from: KubernetesVersion, to: KubernetesVersion): string[] {
  const minors: string[] = []
  for (let minor = from.minor + 1; minor <= to.minor; minor++) minors.push(`1.${minor}`)
  return minors
}
