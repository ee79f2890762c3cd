/**
 * Builds the embedded reference data of `vpccni diff` from the public facts in ../shared/data:
 *
 *   src/data/aws-node-env.generated.ts       aws-node environment variables (kind, default, since)
 *   src/data/aws-node-manifest.generated.ts  the upstream DaemonSet, its per-release facts, env history
 *
 *   node --import tsx scripts/update-diff-data.ts [--shared DIR]
 *
 * The product never reads ../shared at run time; this script is the only bridge.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {parseAllDocuments} from 'yaml'

import type {EnvVarFact, ManifestEnvEntry, ReleaseManifest} from '../src/core/diff/reference-data.js'
import {classifyEnvType, envManifestHistory, parseSince} from './diff-data-rules.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {shared: {default: join(root, '../shared/data'), type: 'string'}}})
const shared = values.shared

interface SharedEnvVar {container: string; default: null | string; name: string; sinceVersion: null | string; type: string}
interface SharedRelease {
  manifest: {capabilities: null | string[]; containers: string[]; images: Record<string, string>; init_containers: string[];
    maxUnavailable: null | string; probe_addr: null | string; serviceAccountName: string}
  network_policy_agent: null | string
  version: string
}

const MANIFEST_SOURCE = {
  commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa',
  date: '2026-08-20',
  description: 'upstream aws-node DaemonSet (Prepare v1.23.1 release)',
  path: 'config/master/aws-k8s-cni.yaml',
  repository: 'aws/amazon-vpc-cni-k8s',
}
const RELEASES_SOURCE = {
  commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa',
  description: 'manifest facts of every tag v1.5.0 to v1.23.0 (images, probes, service account, containers)',
  path: 'config/(v1.X|master)/aws-k8s-cni.yaml at each tag',
  repository: 'aws/amazon-vpc-cni-k8s',
}
const ENV_SOURCE = {
  commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa',
  description: 'aws-node environment variables: README.md, pkg/ipamd sources, manifest, helm values (v1.23.1)',
  path: 'README.md; pkg/ipamd/ipamd.go',
  repository: 'aws/amazon-vpc-cni-k8s',
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(shared, file), 'utf8')) as T
}

function envFacts(): EnvVarFact[] {
  return readJson<SharedEnvVar[]>('aws-node-env-vars.json').map((v) => ({
    ...classifyEnvType(v.type),
    containers: v.container.split(','),
    default: v.default,
    ...parseSince(v.sinceVersion),
    name: v.name,
  }))
}

function template(): Record<string, unknown> {
  const docs = parseAllDocuments(readFileSync(join(shared, 'aws-k8s-cni.yaml'), 'utf8')).map((d) => d.toJS())
  const ds = docs.find((d) => d?.kind === 'DaemonSet' && d.metadata?.name === 'aws-node')
  if (!ds) throw new Error('no aws-node DaemonSet in aws-k8s-cni.yaml')
  return ds
}

/**
 * Images by repository path of the template (the per-tag data keeps only the last path segment) and the release's
 * own tag: the v1.5.1 and v1.22.0 tag manifests point at older images, EKS builds do not.
 */
function releaseManifests(templateObject: Record<string, unknown>, templateVersion: string): ReleaseManifest[] {
  const spec = (templateObject as {spec: {template: {spec: {containers: Array<{image: string; name: string}>; initContainers: Array<{image: string; name: string}>}}}}).spec.template.spec
  const templateImages = Object.fromEntries([...spec.containers, ...spec.initContainers].map((c) => [c.name, c.image.split('/').slice(1).join('/')]))
  const repositoryOf = (container: string, image: string) => templateImages[container]?.split(':')[0] ?? image.split(':')[0]
  const releases = readJson<{releases: SharedRelease[]}>('cni-releases.json').releases.map((r) => {
    const images: Record<string, string> = {}
    for (const [container, image] of Object.entries(r.manifest.images)) {
      const tag = container === 'aws-eks-nodeagent' ? (r.network_policy_agent ?? image.split(':')[1]) : r.version
      images[container] = `${repositoryOf(container, image)}:${tag}`
    }

    return {capabilities: r.manifest.capabilities, containers: r.manifest.containers, images, initContainers: r.manifest.init_containers,
      maxUnavailable: r.manifest.maxUnavailable, probeAddr: r.manifest.probe_addr, serviceAccountName: r.manifest.serviceAccountName,
      version: r.version}
  })
  releases.push({...releases.at(-1)!, images: templateImages, version: templateVersion})
  return releases
}

const templateObject = template()
const templateVersion = (templateObject as {metadata: {labels: Record<string, string>}}).metadata.labels['app.kubernetes.io/version']
const releases = releaseManifests(templateObject, templateVersion)
const manifestEnv: ManifestEnvEntry[] = envManifestHistory(templateObject)

const oneEntryPerLine = (items: unknown[]) => `[\n${items.map((item) => `  ${JSON.stringify(item)},`).join('\n')}\n]`
const header = (what: string) => `// Generated by scripts/update-diff-data.ts from public facts (sources below); do not edit. ${what}\n`
writeFileSync(join(root, 'src/data/aws-node-env.generated.ts'), [
  header('Source: ENV_DATA_SOURCE.'),
  "import type {DataSource} from '../core/instance-type.js'",
  "import type {EnvVarFact} from '../core/diff/reference-data.js'",
  '',
  `export const ENV_DATA_SOURCE: DataSource = ${JSON.stringify(ENV_SOURCE, null, 2)}`,
  '',
  `export const AWS_NODE_ENV_VARS: EnvVarFact[] = ${oneEntryPerLine(envFacts())}`,
  '',
].join('\n'))
writeFileSync(join(root, 'src/data/aws-node-manifest.generated.ts'), [
  header('Sources: MANIFEST_DATA_SOURCES.'),
  "import type {DataSource} from '../core/instance-type.js'",
  "import type {ManifestEnvEntry, ReleaseManifest} from '../core/diff/reference-data.js'",
  '',
  `export const MANIFEST_DATA_SOURCES: DataSource[] = ${JSON.stringify([MANIFEST_SOURCE, RELEASES_SOURCE], null, 2)}`,
  '',
  `export const MANIFEST_TEMPLATE_VERSION = ${JSON.stringify(templateVersion)}`,
  '',
  `export const MANIFEST_TEMPLATE: Record<string, unknown> = ${JSON.stringify(templateObject)}`,
  '',
  `export const MANIFEST_ENV_HISTORY: ManifestEnvEntry[] = ${oneEntryPerLine(manifestEnv)}`,
  '',
  `export const RELEASE_MANIFESTS: ReleaseManifest[] = ${JSON.stringify(releases)}`,
  '',
].join('\n'))
console.error(`wrote ${releases.length} release manifests and ${manifestEnv.length} manifest env entries (template ${templateVersion})`)
