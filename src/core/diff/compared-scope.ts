const POD = '.spec.template.spec'

/**
 * Fields that are nobody's intent: kept by the API server for itself, or written by other controllers and tools.
 * (The defaults it fills in are in the baseline: see server-defaults.ts.)
 */
const NOT_INTENT = [
  '.apiVersion', '.kind', '.status',
  '.spec.template.metadata.creationTimestamp', '.spec.template.metadata.annotations.kubectl.kubernetes.io/restartedAt',
  // The deprecated alias the API server mirrors from serviceAccountName.
  `${POD}.serviceAccount`,
]

/** `path` is `prefix` or lies below it (a match ends at a segment boundary). */
const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)

/** Whether a leaf takes part in the comparison: metadata only through labels, never what nobody intends. */
export function isCompared(path: string): boolean {
  if (path.startsWith('.metadata.') && !path.startsWith('.metadata.labels')) return false
  return !NOT_INTENT.some((prefix) => isUnder(path, prefix))
}
