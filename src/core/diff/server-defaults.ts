type Json = Record<string, any>

const PROBE_DEFAULTS = {failureThreshold: 3, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1}

/** The API server pulls `:latest` (or an untagged image) Always, anything else IfNotPresent. */
function defaultPullPolicy(image: unknown): string {
  const last = String(image ?? '').split('/').at(-1) ?? ''
  return !last.includes(':') || last.endsWith(':latest') ? 'Always' : 'IfNotPresent'
}

function defaultContainer(container: Json, hostNetwork: boolean): void {
  container.imagePullPolicy ??= defaultPullPolicy(container.image)
  container.terminationMessagePath ??= '/dev/termination-log'
  container.terminationMessagePolicy ??= 'File'
  for (const port of container.ports ?? []) {
    port.protocol ??= 'TCP'
    if (hostNetwork) port.hostPort ??= port.containerPort
  }

  for (const probe of [container.livenessProbe, container.readinessProbe]) if (probe) Object.assign(probe, {...PROBE_DEFAULTS, ...probe})
  for (const item of container.env ?? []) if (item.valueFrom?.fieldRef) item.valueFrom.fieldRef.apiVersion ??= 'v1'
}

/**
 * What the API server fills in when it stores a DaemonSet (the apps/v1 and core/v1 defaulting functions), so that a
 * manifest compares with what `kubectl get` returns: an unset pull policy is IfNotPresent, a probe times out after 1 s.
 * Defaults are nobody's intent: the manifest as written says what EKS declares.
 */
export function withServerDefaults(daemonSet: Json): Json {
  const ds = structuredClone(daemonSet)
  const spec = (ds.spec ??= {})
  spec.revisionHistoryLimit ??= 10
  const strategy = (spec.updateStrategy ??= {})
  strategy.type ??= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = {maxSurge: 0, maxUnavailable: 1, ...strategy.rollingUpdate}
  const pod = spec.template?.spec ?? {}
  Object.assign(pod, {dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, ...pod})
  for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) defaultContainer(container, pod.hostNetwork === true)
  for (const volume of pod.volumes ?? []) if (volume.hostPath) volume.hostPath.type ??= ''
  return ds
}
