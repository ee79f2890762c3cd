import type {KubeObject} from './diff-report.js'
import type {DiffReferenceData} from './reference-data.js'
import type {RunningVersion} from './running-version.js'
import {withServerDefaults} from './server-defaults.js'
import {parseImage, releaseOfTag} from './value-equivalence.js'

export interface Baseline {
  /** The release's DaemonSet as it shipped (in the running version's images): what EKS's rendering declares. */
  declared: KubeObject
  /** The same as the API server stores it, defaults filled in: an untouched install as `kubectl get` shows it. */
  object: KubeObject
  /** Paths whose value the data cannot know (another release's policy agent image): any value passes. */
  unknownValues: Set<string>
}

interface Container {env?: Array<{name: string; value?: string}>; image: string; name: string}
type DaemonSet = KubeObject & {metadata: {labels?: Record<string, string>}; spec: {template: {spec: {containers: Container[]; initContainers?: Container[]}}}}

/**
 * A release the data has no DaemonSet for is compared with the nearest older one in its own version: the CNI images
 * carry the release's tag; another image (the policy agent has its own versions) cannot be known.
 */
function retag(ds: DaemonSet, from: string, to: string, unknown: Set<string>): void {
  if (ds.metadata.labels?.['app.kubernetes.io/version']) ds.metadata.labels['app.kubernetes.io/version'] = to
  const pod = ds.spec.template.spec
  for (const [list, field] of [[pod.containers, 'containers'], [pod.initContainers ?? [], 'initContainers']] as const) {
    for (const container of list) {
      const {tag} = parseImage(container.image)
      if (releaseOfTag(tag) === from) container.image = `${container.image.slice(0, -tag.length)}${to}`
      else unknown.add(`.spec.template.spec.${field}[name="${container.name}"].image`)
      for (const item of container.env ?? []) if (item.name === 'VPC_CNI_VERSION') item.value = to
    }
  }
}

/** The DaemonSet the running release shipped (exactly, from the embedded tag manifests), and as the API server stores it. */
export function buildBaseline(version: RunningVersion, data: DiffReferenceData): Baseline {
  const declared = structuredClone(data.baselines.get(version.release)!) as DaemonSet
  const unknownValues = new Set<string>()
  if (version.running !== version.release) retag(declared, version.release, version.running, unknownValues)
  return {declared, object: withServerDefaults(declared), unknownValues}
}
