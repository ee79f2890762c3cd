import {compareCniVersions, parseCniVersion} from '../cni-version.js'
import {UserError} from '../../errors.js'
import type {FieldPath} from '../managed-fields/field-path.js'
import {EKS_MANAGER, type OwnershipIndex} from '../managed-fields/ownership.js'
import type {KubeObject} from './diff-report.js'
import {parseImage, releaseOfTag} from './value-equivalence.js'

export interface RunningVersion {
  /** The release whose DaemonSet is the baseline: the running one, or the nearest older one the data has. */
  release: string
  running: string
  source: string
  /** The input does not say which release EKS applied: every version source is a user's (a self-managed manifest over it). */
  eksReleaseUnknown?: boolean
  /** What the version sources say beside the one chosen: a user's change of one, or sources that disagree. */
  notes: string[]
}

type Container = {env?: Array<{name?: string; value?: string}>; image?: string; name?: string}

/** One place a DaemonSet says its release, in the order they are trusted. */
interface VersionSource {
  name: string
  path: FieldPath
  value: string
}

const POD = ['.spec', '.template', '.spec']
const AWS_NODE = [...POD, '.containers', '[name="aws-node"]']

function podSpec(ds: KubeObject): {containers?: Container[]; initContainers?: Container[]} {
  return (ds.spec as {template?: {spec?: object}} | undefined)?.template?.spec ?? {}
}

const labelOf = (ds: KubeObject) => (ds.metadata as {labels?: Record<string, string>} | undefined)?.labels?.['app.kubernetes.io/version']
const tagRelease = (image: string | undefined) => (image ? releaseOfTag(parseImage(image).tag) : undefined)
const isVersion = (value: string | undefined): value is string => value !== undefined && /^v?\d+\.\d+/.test(value)

/**
 * The version label and VPC_CNI_VERSION come first: a hand-edited image changes neither, so the image tag alone would
 * hide exactly the edit `diff` is for. The init container's image tag is the last one (releases before v1.10.0 have no label).
 */
function versionSources(ds: KubeObject): VersionSource[] {
  const pod = podSpec(ds)
  const awsNode = pod.containers?.find((c) => c.name === 'aws-node')
  const init = pod.initContainers?.find((c) => c.name === 'aws-vpc-cni-init')
  const sources: Array<VersionSource | {value: undefined}> = [
    {name: 'label app.kubernetes.io/version', path: ['.metadata', '.labels', '.app.kubernetes.io/version'], value: labelOf(ds)},
    {
      name: 'env VPC_CNI_VERSION', path: [...AWS_NODE, '.env', '[name="VPC_CNI_VERSION"]', '.value'],
      value: awsNode?.env?.find((e) => e.name === 'VPC_CNI_VERSION')?.value,
    },
    {name: 'aws-node image tag', path: [...AWS_NODE, '.image'], value: tagRelease(awsNode?.image)},
    {name: 'aws-vpc-cni-init image tag', path: [...POD, '.initContainers', '[name="aws-vpc-cni-init"]', '.image'], value: tagRelease(init?.image)},
  ] as Array<VersionSource | {value: undefined}>
  return sources.filter((s): s is VersionSource => isVersion(s.value)).map((s) => ({...s, value: parseCniVersion(releaseOfTag(s.value)).text}))
}

/** Image tags by container: the policy agent's own version tells a release from the one before it. */
function imageTags(ds: KubeObject): string {
  const pod = podSpec(ds)
  return [...(pod.containers ?? []), ...(pod.initContainers ?? [])]
    .map((c) => `${c.name}=${releaseOfTag(parseImage(c.image ?? '').tag)}`).sort().join(' ')
}

/**
 * Some tag manifests kept the previous release's label and VPC_CNI_VERSION (v1.18.5, v1.19.4, v1.20.2): an install of
 * one carries that older version with its own images. The release whose manifest says exactly that, with every image
 * as it shipped them (so a hand-edited aws-node image alone is still an edit), is the one running.
 */
function staleLabelRelease(ds: KubeObject, said: string, baselines: ReadonlyMap<string, KubeObject>): string | undefined {
  const image = tagRelease(podSpec(ds).containers?.find((c) => c.name === 'aws-node')?.image)
  if (!image || image === said) return undefined
  const tags = imageTags(ds)
  return [...baselines].find(([release, shipped]) => release === image && labelOf(shipped) === said && imageTags(shipped) === tags)?.[0]
}

const describe = (sources: VersionSource[]) => sources.map((s) => `${s.name} ${s.value}`).join(', ')

/**
 * Which sources to trust. With managedFields, those `eks` holds say the release EKS applied; one a user's manager holds
 * is that user's change (contested against EKS's release), and the notes say so. Without them, all sources count and
 * the notes say when they disagree.
 */
function trustedSources(all: VersionSource[], ownership: OwnershipIndex | undefined) {
  if (!ownership || ownership.source === 'inferred' || !ownership.managers.includes(EKS_MANAGER)) return {trusted: all, userOwned: []}
  const byOwner = all.map((s) => ({...s, ...ownership.ownerOf(s.path)}))
  const trusted = byOwner.filter((s) => s.managers.includes(EKS_MANAGER))
  const userOwned = byOwner.filter((s) => s.owner === 'user')
  return {trusted, userOwned}
}

/** Of the versions the sources say, the one the first of them says; a stale label is told by its manifest's images. */
function chooseFrom(ds: KubeObject, sources: VersionSource[], baselines: ReadonlyMap<string, KubeObject>): {source: string; version: string} {
  const said = sources[0].value
  const stale = staleLabelRelease(ds, said, baselines)
  if (stale) return {source: `aws-node image tag (the ${stale} manifest labels itself ${said})`, version: stale}
  return {source: sources[0].name, version: said}
}

/** The nearest release the data has at or below `version`; older than every one (v1.0–v1.3.2): the oldest. */
function nearestRelease(version: string, baselines: ReadonlyMap<string, KubeObject>): string {
  const running = parseCniVersion(version)
  const releases = [...baselines.keys()]
  return releases.filter((r) => compareCniVersions(parseCniVersion(r), running) <= 0).at(-1) ?? releases[0]
}

/**
 * The release EKS (or the manifest) installed, from the sources EKS owns when managedFields say who owns what: a
 * `kubectl edit` of the version label, or a `kubectl set image` downgrade, is the user's change, not the release.
 */
export function detectRunningVersion(
  ds: KubeObject,
  baselines: ReadonlyMap<string, KubeObject>,
  {addonVersion, ownership}: {addonVersion?: string; ownership?: OwnershipIndex} = {},
): RunningVersion {
  const all = versionSources(ds)
  if (all.length === 0) {
    throw new UserError('cannot tell the VPC CNI version of aws-node', {
      hint: 'no app.kubernetes.io/version label, VPC_CNI_VERSION variable or image tag',
    })
  }

  const {trusted, userOwned} = trustedSources(all, ownership)
  const eksReleaseUnknown = trusted.length === 0
  // Live, DescribeAddon names the version EKS applied when no source in the object still says it.
  const fromAddon = eksReleaseUnknown && isVersion(addonVersion)
    ? {source: 'EKS DescribeAddon addonVersion', version: parseCniVersion(releaseOfTag(addonVersion)).text}
    : undefined
  const chosen = fromAddon ?? chooseFrom(ds, eksReleaseUnknown ? all : trusted, baselines)
  const notes: string[] = []
  const others = userOwned.filter((s) => s.value !== chosen.version)
  if (eksReleaseUnknown && !fromAddon) {
    const managers = [...new Set(userOwned.flatMap((s) => s.managers))].join(', ')
    notes.push(`no version source is eks's (${userOwned.map((s) => s.name.split(' ')[0]).join(', ')}: ${managers}): a manifest ` +
      `applied over the add-on; the release EKS applied is not in the input (aws eks describe-addon). Compared with ` +
      `${chosen.version}: the fields a user took from eks are contested`)
  } else if (others.length > 0) {
    notes.push(`${describe(others)}: set by ${[...new Set(others.flatMap((s) => s.managers))].join(', ')}, not by EKS: a user's change ` +
      `(contested below); EKS applied ${chosen.version} (${chosen.source}, owned by eks)`)
  } else if (ownership?.source !== 'managedFields') {
    const disagreeing = all.filter((s) => s.value !== chosen.version && !chosen.source.startsWith('aws-node image tag (the'))
    if (disagreeing.length > 0) {
      notes.push(`the version sources disagree (${describe(all)}): compared with ${chosen.version} (${chosen.source}); ` +
        'without managedFields vpccni cannot tell which one is a user\'s edit (add --show-managed-fields)')
    }
  }

  return {...(eksReleaseUnknown && !fromAddon ? {eksReleaseUnknown: true} : {}), notes, release: nearestRelease(chosen.version, baselines), running: chosen.version, source: chosen.source}
}
