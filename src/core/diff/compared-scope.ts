const POD = '.spec.template.spec'

/**
 * Fields the API server fills in or keeps for itself: absent from the manifest, present in every `kubectl get`.
 * They are nobody's intent, so a difference there is not drift.
 */
const SERVER_DEFAULTS = [
  '.apiVersion', '.kind', '.status', '.spec.revisionHistoryLimit', '.spec.updateStrategy.rollingUpdate.maxSurge',
  '.spec.template.metadata.creationTimestamp', '.spec.template.metadata.annotations.kubectl.kubernetes.io/restartedAt',
  `${POD}.dnsPolicy`, `${POD}.restartPolicy`, `${POD}.schedulerName`, `${POD}.serviceAccount`,
  ...['containers', 'initContainers'].flatMap((list) => [
    `${POD}.${list}[*].terminationMessagePath`, `${POD}.${list}[*].terminationMessagePolicy`,
    `${POD}.${list}[*].ports[*].protocol`, `${POD}.${list}[*].ports[*].hostPort`,
    `${POD}.${list}[*].env[*].valueFrom.fieldRef.apiVersion`,
    ...['livenessProbe', 'readinessProbe'].flatMap((probe) =>
      ['periodSeconds', 'successThreshold', 'failureThreshold'].map((f) => `${POD}.${list}[*].${probe}.${f}`)),
  ]),
]

/** What the per-release data covers for releases older than the manifest snapshot. */
const PARTIAL_SCOPE = [
  '.metadata.labels', '.spec.selector', '.spec.template.metadata.labels', `${POD}.serviceAccountName`,
  '.spec.updateStrategy.rollingUpdate.maxUnavailable',
  ...['containers', 'initContainers'].flatMap((list) => [`${POD}.${list}[*].image`, `${POD}.${list}[*].imagePullPolicy`, `${POD}.${list}[*].env`]),
  `${POD}.containers[name="aws-node"].securityContext.capabilities`,
]

/** A path pattern as a regex on rendered paths: `[*]` is any list item, and a match ends at a segment boundary. */
function toRegex(pattern: string): RegExp {
  const body = pattern.replaceAll(/[$()*+.?[\\\]^{|}]/g, String.raw`\$&`).replaceAll(String.raw`\[\*\]`, String.raw`\[[^\]]*\]`)
  return new RegExp(`^${body}(?=$|[.[])`)
}

const DEFAULTS = SERVER_DEFAULTS.map((p) => toRegex(p))
const PARTIAL = PARTIAL_SCOPE.map((p) => toRegex(p))

/** Whether a leaf takes part in the comparison: metadata only through labels, never server defaults. */
export function isCompared(path: string, coverage: 'full' | 'partial'): boolean {
  if (path.startsWith('.metadata.') && !path.startsWith('.metadata.labels')) return false
  if (DEFAULTS.some((re) => re.test(path))) return false
  return coverage === 'full' || PARTIAL.some((re) => re.test(path))
}
