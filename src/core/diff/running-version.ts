import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import {UserError} from '../../errors.js'
import type {KubeObject} from './diff-report.js'
import {parseImage, releaseOfTag} from './value-equivalence.js'

export interface RunningVersion {
  /** The release whose DaemonSet is the baseline: the running one, or the nearest older one the data has. */
  release: string
  running: string
  source: string
}

type Container = {env?: Array<{name?: string; value?: string}>; image?: string; name?: string}

function awsNodeContainer(ds: KubeObject): Container | undefined {
  const spec = (ds.spec as {template?: {spec?: {containers?: Container[]}}} | undefined)?.template?.spec
  return spec?.containers?.find((c) => c.name === 'aws-node')
}

const labelOf = (ds: KubeObject) => (ds.metadata as {labels?: Record<string, string>} | undefined)?.labels?.['app.kubernetes.io/version']
const imageRelease = (ds: KubeObject) => {
  const image = awsNodeContainer(ds)?.image
  return image ? releaseOfTag(parseImage(image).tag) : undefined
}

/** Image tags by container: the policy agent's own version tells a release from the one before it. */
function imageTags(ds: KubeObject): string {
  const pod = (ds.spec as {template?: {spec?: {containers?: Container[]; initContainers?: Container[]}}} | undefined)?.template?.spec
  return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]
    .map((c) => `${c.name}=${releaseOfTag(parseImage(c.image ?? '').tag)}`).sort().join(' ')
}

/**
 * Some tag manifests kept the previous release's label and VPC_CNI_VERSION (v1.18.5, v1.19.4, v1.20.2): an install of
 * one carries that older version with its own images. The release whose manifest says exactly that, with every image
 * as it shipped them (so a hand-edited aws-node image alone is still an edit), is the one running.
 */
function staleLabelRelease(ds: KubeObject, said: string, baselines: ReadonlyMap<string, KubeObject>): string | undefined {
  const image = imageRelease(ds)
  if (!image || image === said) return undefined
  const tags = imageTags(ds)
  return [...baselines].find(([release, shipped]) => release === image && labelOf(shipped) === said && imageTags(shipped) === tags)?.[0]
}

/**
 * The version the add-on (or manifest) installed. The version label and VPC_CNI_VERSION come first: a hand-edited
 * image changes neither, so the image tag alone would hide exactly the edit `diff` is for.
 */
export function detectRunningVersion(ds: KubeObject, baselines: ReadonlyMap<string, KubeObject>): RunningVersion {
  const labels = (ds.metadata as {labels?: Record<string, string>} | undefined)?.labels ?? {}
  const container = awsNodeContainer(ds)
  const candidates: Array<[string, string | undefined]> = [
    ['label app.kubernetes.io/version', labels['app.kubernetes.io/version']],
    ['env VPC_CNI_VERSION', container?.env?.find((e) => e.name === 'VPC_CNI_VERSION')?.value],
    ['aws-node image tag', container?.image ? releaseOfTag(parseImage(container.image).tag) : undefined],
  ]
  const found = candidates.find(([, value]) => value && /^v?\d+\.\d+/.test(value))
  if (!found) {
    throw new UserError('cannot tell the VPC CNI version of aws-node', {
      hint: 'no app.kubernetes.io/version label, VPC_CNI_VERSION variable or aws-node image tag',
    })
  }

  const said = parseCniVersion(releaseOfTag(found[1]!)).text
  const stale = staleLabelRelease(ds, said, baselines)
  if (stale) return {release: stale, running: stale, source: `aws-node image tag (the ${stale} manifest labels itself ${said})`}
  const running = parseCniVersion(said)
  const releases = [...baselines.keys()]
  const older = releases.filter((r) => compareCniVersions(parseCniVersion(r), running) <= 0)
  // Older than every release the data has (v1.0–v1.3.2): the oldest one is the nearest there is.
  return {release: older.at(-1) ?? releases[0], running: running.text, source: found[0]}
}
