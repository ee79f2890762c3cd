import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import type {KubeObject} from './diff-report.js'
import type {DiffReferenceData, ManifestEnvEntry, ReleaseManifest} from './reference-data.js'

export interface Baseline {
  /** `full`: the release shares the manifest snapshot's minor version; `partial`: only per-release facts are known. */
  coverage: 'full' | 'partial'
  object: KubeObject
  /** Env entries (and images of a release newer than the data) whose value the data does not record: any value passes. */
  unknownValues: Set<string>
}

interface EnvItem {name: string; value?: string; valueFrom?: unknown}
interface Container {env?: EnvItem[]; image: string; imagePullPolicy?: string; livenessProbe?: Probe; name: string; readinessProbe?: Probe; securityContext?: {capabilities?: {add?: string[]}}}
interface Probe {exec?: {command?: string[]}}
interface PodSpec {containers: Container[]; initContainers: Container[]; serviceAccountName: string}

const atLeast = (version: string, floor: string) => compareCniVersions(parseCniVersion(version), parseCniVersion(floor)) >= 0

function isInManifest(entry: ManifestEnvEntry, version: string): boolean {
  return atLeast(version, entry.from) && !(entry.until && atLeast(version, entry.until))
}

/** The env list the release's manifest gave one container: the template's values, the history's membership. */
function releaseEnv(container: Container, history: ManifestEnvEntry[], running: string, unknown: Set<string>, prefix: string): EnvItem[] {
  const template = new Map((container.env ?? []).map((item) => [item.name, item]))
  return history
    .filter((entry) => entry.container === container.name && isInManifest(entry, running))
    .map((entry) => {
      if (entry.name === 'VPC_CNI_VERSION') return {name: entry.name, value: running}
      const known = template.get(entry.name)
      if (known) return known
      unknown.add(`${prefix}[name="${container.name}"].env[name="${entry.name}"]`)
      return {name: entry.name, value: entry.value ?? ''}
    })
}

/**
 * The image of one container in the running version. A release the data does not know ships the CNI images with its
 * own tag; other images (the policy agent has its own versions) are unknown, so any tag passes.
 */
function runningImage(container: Container, release: ReleaseManifest, running: string, unknown: Set<string>, prefix: string): string {
  const image = release.images[container.name] ?? container.image.split('/').slice(1).join('/')
  if (running === release.version) return image
  const [repository, tag] = image.split(':')
  if (tag === release.version) return `${repository}:${running}`
  unknown.add(`${prefix}[name="${container.name}"].image`)
  return image
}

function applyRelease(container: Container, release: ReleaseManifest, registry: string, image: string): void {
  container.image = `${registry}/${image}`
  // Up to v1.22.4 the init container and the policy agent pulled Always; v1.23.0 moved every container to IfNotPresent.
  if (container.name !== 'aws-node' && !atLeast(release.version, 'v1.23.0')) container.imagePullPolicy = 'Always'
  for (const probe of [container.livenessProbe, container.readinessProbe]) {
    const command = probe?.exec?.command
    if (command && release.probeAddr) probe.exec!.command = command.map((arg) => (arg.startsWith('-addr=') ? release.probeAddr! : arg))
  }

  if (container.name === 'aws-node' && container.securityContext?.capabilities && release.capabilities) {
    container.securityContext.capabilities.add = [...release.capabilities]
  }
}

/**
 * The DaemonSet as the upstream manifest of the running release would have it: the embedded snapshot with the
 * release's containers, images, pull policies, probe address, service account, labels and env variables.
 */
export function buildBaseline(running: string, release: ReleaseManifest, data: DiffReferenceData): Baseline {
  const object = structuredClone(data.template.object) as KubeObject & {
    metadata: {labels: Record<string, string>}
    spec: {template: {spec: PodSpec}; updateStrategy: {rollingUpdate: {maxUnavailable: number | string}}}
  }
  const template = parseCniVersion(data.template.version)
  const version = parseCniVersion(release.version)
  const coverage = version.major === template.major && version.minor === template.minor ? 'full' : 'partial'
  object.metadata.labels['app.kubernetes.io/version'] = running
  const pod = object.spec.template.spec
  pod.serviceAccountName = release.serviceAccountName
  // Older manifests left maxUnavailable out: the API server's DaemonSet default is 1.
  object.spec.updateStrategy.rollingUpdate.maxUnavailable = release.maxUnavailable ?? 1
  const registry = pod.containers[0].image.split('/')[0]
  const unknownValues = new Set<string>()
  pod.containers = pod.containers.filter((c) => release.containers.includes(c.name))
  pod.initContainers = pod.initContainers.filter((c) => release.initContainers.includes(c.name))
  for (const [list, prefix] of [[pod.containers, '.spec.template.spec.containers'], [pod.initContainers, '.spec.template.spec.initContainers']] as const) {
    for (const container of list) {
      applyRelease(container, release, registry, runningImage(container, release, running, unknownValues, prefix))
      container.env = releaseEnv(container, data.manifestEnv, running, unknownValues, prefix)
      if (container.env.length === 0) delete container.env
    }
  }

  if (pod.initContainers.length === 0) delete (pod as Partial<PodSpec>).initContainers
  return {coverage, object, unknownValues}
}
