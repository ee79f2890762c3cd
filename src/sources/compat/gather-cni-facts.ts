import type {ClusterCniFacts, InstallKind} from '../../core/compat/cluster-cni-facts.js'
import {cniVersionFromImage, type FactSource, flagSource, installKindFromAddon} from '../../core/compat/fact-sources.js'
import {parseKubernetesVersion} from '../../core/compat/kubernetes-version.js'
import {SourceError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'
import {KUBE_CALLS} from '../kubernetes/kube-calls.js'
import {requireAwsNode} from '../require-aws-node.js'

export interface FactFlags {
  /** `--cni-version` (compat) or `--from` (upgrade-plan). */
  cniFlag: string
  cniVersion?: string
  install?: string
  kubernetesVersion?: string
}

export interface GatheredCniFacts {
  facts: ClusterCniFacts
  /** What the user should know about the facts: EKS not answering, ... */
  notes: string[]
  sources: FactSource[]
}

/** The facts the flags give; nothing is contacted. */
export function factsFromFlags(flags: FactFlags): GatheredCniFacts {
  const sources: FactSource[] = []
  if (flags.cniVersion !== undefined) sources.push(flagSource('cniVersion', flags.cniFlag, flags.cniVersion))
  if (flags.kubernetesVersion !== undefined) sources.push(flagSource('kubernetesVersion', '--kubernetes-version', flags.kubernetesVersion))
  if (flags.install !== undefined) sources.push(flagSource('installKind', '--install', flags.install))
  const facts = {cniVersion: flags.cniVersion ?? '', installKind: flags.install as InstallKind | undefined, kubernetesVersion: flags.kubernetesVersion}
  return {facts, notes: [], sources}
}

/** The aws-node container's image tag. */
async function readCniVersion(source: ClusterSource, cniFlag: string): Promise<FactSource> {
  const daemonSet = await requireAwsNode(source, `pass ${cniFlag} to work from a version without the cluster`)
  const image = daemonSet.containers.find((c) => c.name === 'aws-node')?.image ?? ''
  const version = cniVersionFromImage(image)
  if (!version) throw new SourceError(KUBE_CALLS.readAwsNode.call, `the aws-node image "${image}" names no VPC CNI version`, {hint: `pass ${cniFlag} to say it`})
  return {fact: 'cniVersion', from: `aws-node image ${image}`, live: true, value: version}
}

async function readKubernetesVersion(source: ClusterSource): Promise<FactSource> {
  const version = await source.readServerVersion()
  return {fact: 'kubernetesVersion', from: 'the API server (/version)', live: true, value: version.gitVersion}
}

/**
 * Fills what the flags leave out from the cluster: the CNI version from the aws-node image tag, the Kubernetes
 * version from the API server, the install kind from EKS DescribeAddon. Flags win: a fact given is never read.
 */
export async function gatherCniFacts(flags: FactFlags, source: ClusterSource): Promise<GatheredCniFacts> {
  const given = factsFromFlags(flags)
  const [cni, kubernetes, addon] = await Promise.all([
    flags.cniVersion === undefined ? readCniVersion(source, flags.cniFlag) : undefined,
    flags.kubernetesVersion === undefined ? readKubernetesVersion(source) : undefined,
    flags.install === undefined ? source.describeAddon() : undefined,
  ])
  const install = addon && installKindFromAddon(addon)
  const read = [cni, kubernetes, install?.source].filter((s): s is FactSource => s !== undefined)
  const facts: ClusterCniFacts = {
    cniVersion: flags.cniVersion ?? cni?.value ?? '',
    installKind: (flags.install as InstallKind | undefined) ?? install?.kind,
    kubernetesVersion: flags.kubernetesVersion ?? kubernetes?.value ?? undefined,
  }
  return {facts, notes: install?.note ? [install.note] : [], sources: [...given.sources, ...read]}
}

/**
 * The eksbuild names EKS offers for the Kubernetes versions a plan crosses (DescribeAddonVersions), so each step can
 * name a real `--addon-version`. Not asked for a self-managed install; EKS not answering is a note.
 */
export async function gatherAddonVersions(gathered: GatheredCniFacts, kubernetes: Array<string | undefined>, source: ClusterSource): Promise<GatheredCniFacts> {
  if (gathered.facts.installKind === 'self-managed') return gathered
  const minors = [...new Set(kubernetes.filter((k): k is string => k !== undefined).map((k) => parseKubernetesVersion(k).text))]
  const answers = await Promise.all((minors.length > 0 ? minors : [undefined]).map((k) => source.describeAddonVersions(k)))
  const names = [...new Set(answers.flatMap((a) => (a.available ? a.value.filter((v) => v.addonName === 'vpc-cni').map((v) => v.addonVersion) : [])))]
  const failed = answers.find((a) => !a.available)
  const notes = failed && !failed.available ? [`add-on build names not read: ${failed.reason}`] : []
  const from = `EKS DescribeAddonVersions${minors.length > 0 ? ` for Kubernetes ${minors.join(', ')}` : ''}`
  return {
    facts: {...gathered.facts, addonVersions: names},
    notes: [...gathered.notes, ...notes],
    sources: [...gathered.sources, {fact: 'addonVersions', from, live: true, value: names.length > 0 ? names.join(', ') : null}],
  }
}

/**
 * The EKS cluster and region the plan's commands name: `--cluster`, else the kubeconfig context's ARN. Resolved by any
 * EKS call; when --install spared DescribeAddon, DescribeCluster resolves it (its answer is not needed).
 */
export async function eksClusterOf(source: ClusterSource): Promise<{cluster: null | string; region: null | string}> {
  if (source.origin.eksCluster === null) await source.describeCluster()
  return {cluster: source.origin.eksCluster, region: source.origin.region}
}
