/**
 * Builds src/data/cni-releases.generated.ts, the embedded VPC CNI release knowledge used by compat and upgrade-plan.
 *
 *   node --import tsx scripts/update-release-data.ts [--shared DIR]
 *
 * Reads DIR/cni-releases.json (default ../shared/data) and merges the curated facts of scripts/release-facts.ts,
 * refusing facts that name an unknown release or cite a source the data file does not contain.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {compareCniVersions, parseCniVersion} from '../src/core/cni-version.js'
import type {CniRelease, KnowledgeSource, ReleaseKnowledge} from '../src/core/compat/release-knowledge.js'
import {FEATURES, IAM_CHANGES, REGRESSIONS} from './release-facts.js'

interface RawRelease {
  changelog_highlights?: string[]
  manifest: {containers: string[]; init_containers: string[]; manifest_path: string; probe_addr: null | string}
  network_policy_agent: null | string
  notes?: Array<{source: string; text: string}>
  tag_date: string
  version: string
}

interface RawData {
  _meta: {snapshot_commit: string; snapshot_head_subject: string}
  eks_addon_latest_by_k8s_docs_snapshots: Array<{as_of: string; source: string; table: Record<string, string>}>
  global_rules: Array<{id: string; rule: string; source: string}>
  k8s_oldest_recommended_cni: Record<string, string>
  releases: RawRelease[]
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = join(root, 'src/data/cni-releases.generated.ts')

/** The EKS-recommended add-on table as the product owner gave it in ../shared/README.md: the embedded default. */
const EKS_RECOMMENDED_SOURCE = 'EKS user guide, Amazon VPC CNI add-on versions, https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html, as recorded for vpccni in 2026-11'
const EKS_RECOMMENDED_VERSION = 'v1.21.1-eksbuild.8'
const EKS_RECOMMENDED_KUBERNETES = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']

/** A short citation for the upstream README table: its URL at the snapshot and the span of its history. */
function describeMinimumSource(history: string, commit: string): string {
  const dates = history.match(/\d{4}-\d{2}-\d{2}/g) ?? []
  const span = dates.length > 0 ? `, revisions ${dates[0]} to ${dates.at(-1)}` : ''
  return `https://github.com/aws/amazon-vpc-cni-k8s/blob/${commit.slice(0, 12)}/README.md ("Recommended Version" table${span})`
}

const LANGUAGES: Record<string, string> = {ja_jp: 'Japanese', ko_kr: 'Korean', pt_br: 'Portuguese', zh_cn: 'Chinese'}

/**
 * Some dated tables were read from translations of the EKS user guide (docs.aws.amazon.com/ja_jp/...). Cite the English page
 * they translate, and say in plain words which translation showed the table, instead of a crawl note.
 */
function citeEnglishPage(s: RawData['eks_addon_latest_by_k8s_docs_snapshots'][number]): {asOf: string; source: string; table: Record<string, string>} {
  const localized = /^https:\/\/docs\.aws\.amazon\.com\/([a-z]{2}_[a-z]{2})\/(.*)$/.exec(s.source)
  if (!localized) return {asOf: s.as_of, source: s.source, table: s.table}
  const language = LANGUAGES[localized[1]] ?? localized[1]
  return {
    asOf: s.as_of.replace(/\s*\(.*crawl\)$/, ''),
    source: `EKS user guide, https://docs.aws.amazon.com/${localized[2]} (the table as its ${language} translation showed it)`,
    table: s.table,
  }
}

function toRelease(raw: RawRelease): CniRelease {
  return {
    containers: raw.manifest.containers,
    date: raw.tag_date,
    highlights: raw.changelog_highlights ?? [],
    initContainers: raw.manifest.init_containers,
    manifestPath: raw.manifest.manifest_path,
    networkPolicyAgent: raw.network_policy_agent,
    notes: raw.notes ?? [],
    probeAddr: raw.manifest.probe_addr,
    version: raw.version,
  }
}

/** Every curated fact must name tagged releases and cite a source found in the data file. */
function checkFacts(knowledge: ReleaseKnowledge, rawText: string): void {
  const known = new Set(knowledge.releases.map((r) => r.version))
  const problems: string[] = []
  const mustBeRelease = (version: string | undefined, what: string): void => {
    if (version !== undefined && !known.has(version)) problems.push(`${what}: ${version} is not a known release`)
  }

  for (const f of knowledge.features) mustBeRelease(f.since, `feature ${f.id}`)
  for (const r of knowledge.regressions) [r.from, r.fixedIn].forEach((v) => mustBeRelease(v, `regression ${r.id}`))
  for (const i of knowledge.iamChanges) mustBeRelease(i.since, `IAM change ${i.permission}`)
  for (const v of [...Object.values(knowledge.kubernetesMinimum.table), EKS_RECOMMENDED_VERSION]) {
    mustBeRelease(parseCniVersion(v).text, 'Kubernetes table')
  }

  for (const fact of [...knowledge.features, ...knowledge.regressions, ...knowledge.iamChanges]) {
    if (!rawText.includes(fact.source)) problems.push(`source not in cni-releases.json: ${fact.source}`)
  }

  if (problems.length > 0) throw new Error(`release facts do not match the data:\n${problems.join('\n')}`)
}

function build(raw: RawData, rawText: string, today: string): ReleaseKnowledge {
  const releases = raw.releases.map(toRelease)
  releases.sort((a, b) => compareCniVersions(parseCniVersion(a.version), parseCniVersion(b.version)))
  const {_source: minimumSource, ...minimumTable} = raw.k8s_oldest_recommended_cni
  const sources: KnowledgeSource[] = [
    {
      commit: raw._meta.snapshot_commit,
      date: releases.at(-1)?.date,
      description: `releases ${releases[0].version} to ${releases.at(-1)?.version}: tags, CHANGELOG highlights, manifests; snapshot "${raw._meta.snapshot_head_subject}"`,
      repository: 'aws/amazon-vpc-cni-k8s',
    },
    {description: 'upgrade rules, oldest recommended CNI per Kubernetes version, dated EKS docs tables: aws/amazon-vpc-cni-k8s README and CHANGELOG, EKS user guide and best-practices guide (each rule cites its page)'},
    {description: `EKS-recommended vpc-cni add-on: ${EKS_RECOMMENDED_VERSION} for Kubernetes 1.29 to 1.36 (${EKS_RECOMMENDED_SOURCE})`},
  ]
  const knowledge: ReleaseKnowledge = {
    eksDocSnapshots: raw.eks_addon_latest_by_k8s_docs_snapshots.map((s) => citeEnglishPage(s)),
    eksRecommended: {
      source: EKS_RECOMMENDED_SOURCE,
      table: Object.fromEntries(EKS_RECOMMENDED_KUBERNETES.map((k) => [k, EKS_RECOMMENDED_VERSION])),
    },
    features: FEATURES,
    generatedAt: today,
    iamChanges: IAM_CHANGES,
    kubernetesMinimum: {source: describeMinimumSource(minimumSource, raw._meta.snapshot_commit), table: minimumTable},
    regressions: REGRESSIONS,
    releases,
    rules: raw.global_rules,
    sources,
  }
  checkFacts(knowledge, rawText)
  return knowledge
}

const {values} = parseArgs({options: {shared: {default: join(root, '../shared/data'), type: 'string'}}})
const rawText = readFileSync(join(values.shared, 'cni-releases.json'), 'utf8')
const knowledge = build(JSON.parse(rawText) as RawData, rawText, new Date().toISOString().slice(0, 10))
const text = [
  '// Generated by scripts/update-release-data.ts; do not edit. Sources are listed in CNI_RELEASE_DATA.sources.',
  "import type {ReleaseKnowledge} from '../core/compat/release-knowledge.js'",
  '',
  `export const CNI_RELEASE_DATA: ReleaseKnowledge = ${JSON.stringify(knowledge, null, 1)}`,
  '',
].join('\n')
writeFileSync(output, text)
// The few facts needed at start-up (help texts, max-pods' --cni-version default) live apart, so that the full table
// is evaluated only by the commands that use it.
const summary = {generatedAt: knowledge.generatedAt, newest: knowledge.releases.at(-1)?.version, oldest: knowledge.releases[0].version}
writeFileSync(
  join(root, 'src/data/release-summary.generated.ts'),
  [
    '// Generated by scripts/update-release-data.ts with cni-releases.generated.ts; do not edit.',
    `export const RELEASE_SUMMARY = ${JSON.stringify(summary)}`,
    '',
    '/** The newest VPC CNI release vpccni knows: the default CNI version of max-pods, simulate and warm-targets. */',
    `export const NEWEST_KNOWN_CNI = ${JSON.stringify(summary.newest)}`,
    '',
  ].join('\n'),
)
console.error(`wrote ${knowledge.releases.length} releases to ${output}`)
