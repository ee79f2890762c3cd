import {parseCniVersion} from '../cni-version.js'

/** `602401143452.dkr.ecr.us-west-2.amazonaws.com` and its per-region and China twins: where EKS serves its images. */
const EKS_REGISTRY = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/

export interface ImageRef {
  registry: string
  repository: string
  tag: string
}

export function parseImage(image: string): ImageRef {
  const slash = image.indexOf('/')
  const hasRegistry = slash > 0 && /[.:]/.test(image.slice(0, slash))
  const registry = hasRegistry ? image.slice(0, slash) : ''
  const rest = hasRegistry ? image.slice(slash + 1) : image
  const colon = rest.lastIndexOf(':')
  return colon > 0 ? {registry, repository: rest.slice(0, colon), tag: rest.slice(colon + 1)} : {registry, repository: rest, tag: ''}
}

/** The release a tag names, without EKS's `-eksbuild.N` suffix: `v1.19.0-eksbuild.1` → `v1.19.0`. */
export function releaseOfTag(tag: string): string {
  return tag.replace(/-eksbuild\.\d+$/, '')
}

/**
 * Same image for EKS purposes: same repository and release, and the registry is EKS's own in any region
 * (the add-on pulls from the cluster's region and tags `-eksbuild.N`; the upstream manifest names us-west-2).
 */
export function isSameImage(live: string, baseline: string): boolean {
  const a = parseImage(live)
  const b = parseImage(baseline)
  const sameRegistry = a.registry === b.registry || (EKS_REGISTRY.test(a.registry) && EKS_REGISTRY.test(b.registry))
  return sameRegistry && a.repository === b.repository && releaseOfTag(a.tag) === releaseOfTag(b.tag)
}

function isSameVersion(a: unknown, b: unknown): boolean {
  try {
    return parseCniVersion(String(a)).text === parseCniVersion(String(b)).text
  } catch {
    return false
  }
}

/** JSON with map keys sorted: the API server writes fields in struct order, manifests in any order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`
  }

  return JSON.stringify(value) ?? 'null'
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

/** Whether the live value of a path equals the baseline's, with the image and version spellings EKS uses. */
export function isSameValue(path: string, live: unknown, baseline: unknown): boolean {
  if (isDeepEqual(live, baseline)) return true
  if (path.endsWith('.image') && typeof live === 'string' && typeof baseline === 'string') return isSameImage(live, baseline)
  if (path.endsWith('.app.kubernetes.io/version') || path.endsWith('env[name="VPC_CNI_VERSION"].value')) return isSameVersion(live, baseline)
  return false
}
