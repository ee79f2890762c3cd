import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import {UserError} from '../../errors.js'
import type {ReleaseManifest} from './reference-data.js'
import {parseImage, releaseOfTag} from './value-equivalence.js'
import type {KubeObject} from './diff-report.js'

export interface RunningVersion {
  /** The release whose manifest is the baseline: the running one, or the nearest older one the data knows. */
  release: ReleaseManifest
  running: string
  source: string
}

type Container = {env?: Array<{name?: string; value?: string}>; image?: string; name?: string}

function awsNodeContainer(ds: KubeObject): Container | undefined {
  const spec = (ds.spec as {template?: {spec?: {containers?: Container[]}}} | undefined)?.template?.spec
  return spec?.containers?.find((c) => c.name === 'aws-node')
}

/**
 * The version the add-on (or manifest) installed. The version label and VPC_CNI_VERSION come first: a hand-edited
 * image changes neither, so the image tag alone would hide exactly the edit `diff` is for.
 */
export function detectRunningVersion(ds: KubeObject, releases: ReleaseManifest[], templateVersion: string): RunningVersion {
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

  const running = parseCniVersion(releaseOfTag(found[1]!))
  const known = releases
    .filter((r) => compareCniVersions(parseCniVersion(r.version), running) <= 0)
    .sort((a, b) => compareCniVersions(parseCniVersion(a.version), parseCniVersion(b.version)))
  const release = known.at(-1) ?? releases.find((r) => r.version === templateVersion)!
  return {release, running: running.text, source: found[0]}
}
