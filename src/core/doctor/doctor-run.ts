import type {Severity} from './check.js'
import type {DoctorReport} from './doctor-report.js'
import type {ExaminedResources} from './examined-resources.js'
import type {SubnetRunway} from './subnet-runway.js'

/** One doctor run as the CI and monitoring formats need it: the report, each subnet's runway, and when and how long it ran. */
export interface DoctorRun {
  durationSeconds: number
  /** What each check that ran looked at (the JUnit testcases). */
  examined: ExaminedResources
  /** Set in a fleet (clusterLabels): its name there, the cluster's own unless another member shares it. */
  label?: string
  /** `--severity ID=LEVEL`: the checks the run re-graded (SARIF says so as rule configuration overrides). */
  overrides: Record<string, Severity>
  report: DoctorReport
  runway: SubnetRunway[]
  /** ISO 8601, when the gather began. */
  startedAt: string
}

/**
 * The name a cluster goes by in every format (the `cluster` label of its metrics, its Pushgateway group): the EKS name,
 * else the kubeconfig context. The same cluster gets the same name alone and in a fleet. Nothing names it (no
 * kubeconfig, no --cluster): "", so that its metrics go without a cluster label, which Prometheus reads as absent and
 * fills from its own target labels, rather than under an invented name; the reports show shownLabel.
 */
export const clusterLabel = (cluster: {context: null | string; name: null | string}): string => cluster.name ?? cluster.context ?? ''

/**
 * What a cluster's metrics and Pushgateway group go by: its label, and the AWS region and account when known (''
 * otherwise), since clusters of one name in several accounts or regions are common (a `main` in every account). The
 * same cluster gets the same key alone, in any fleet, and from its own CronJob (whose region is the pod's).
 */
export interface ClusterKey {
  accountId: string
  cluster: string
  region: string
}

export const clusterKey = (cluster: {accountId?: null | string; context: null | string; name: null | string; region: null | string}): ClusterKey => ({
  accountId: cluster.accountId ?? '',
  cluster: clusterLabel(cluster),
  region: cluster.region ?? '',
})

/** A key as one string: two clusters share it only when label, region and account are all the same. */
export const keyString = (key: ClusterKey): string => [key.cluster, key.region, key.accountId].join('\u0000')

/** A label as reports for people show it: "unnamed cluster" for the cluster nothing names. */
export const shownLabel = (label: string): string => label || 'unnamed cluster'

/**
 * A label inside identifiers (a JUnit classname, a SARIF automation id or resource path): one word for the cluster nothing
 * names. It is a single cluster (a fleet's members all have a context), so the word cannot stand for two.
 */
export const idLabel = (label: string): string => label || 'unnamed'

/**
 * Whether doctor could read the cluster: its API server answered (/version, which every authenticated user may read)
 * and at least one check could run. Not so for a cluster out of reach, whose checks are all or nearly all not checked.
 */
export const clusterWasRead = (report: DoctorReport): boolean => report.checked.length > 0 && (report.cluster.source === 'snapshot' || report.cluster.kubernetesVersion !== null)

/** A run's name in the formats: its fleet label, else its cluster's. */
export const runLabel = (run: DoctorRun): string => run.label ?? clusterLabel(run.report.cluster)

/** A run's key in the metrics: its name there (runLabel), its region and account. */
export const runKey = (run: DoctorRun): ClusterKey => ({...clusterKey(run.report.cluster), cluster: runLabel(run)})

/** Why doctor could not read the cluster (clusterWasRead false), in words: the first read that was refused or failed. */
export const notReadReason = (report: DoctorReport): string => report.notChecked[0]?.reason.replace(/^could not check: /, '') ?? 'no check could run'

/**
 * The names of a fleet's clusters in the formats, by clusterLabel's rule (the EKS name, else the context): the same as
 * alone, since the region and account set apart clusters of one name (ClusterKey). Members of one whole key with an
 * account are one cluster (two contexts of one ARN) and keep its name: their metrics are given once (uniqueKeys).
 * Members of one key without an account (eksctl names in two accounts, contexts that place nothing) may be two
 * clusters: those go by their context, unique in a kubeconfig, so that no two clusters' series merge.
 */
export function clusterLabels(members: Array<{accountId?: null | string; context: string; name: null | string | undefined; region?: null | string}>): string[] {
  const keys = members.map((m) => clusterKey({accountId: m.accountId, context: m.context, name: m.name ?? null, region: m.region ?? null}))
  for (;;) {
    const strings = keys.map(keyString)
    const shared = (i: number) => strings.indexOf(strings[i]) !== strings.lastIndexOf(strings[i])
    const moved = members.flatMap((m, i) => (shared(i) && keys[i].accountId === '' && keys[i].cluster !== m.context ? [i] : []))
    if (moved.length === 0) return keys.map((k) => k.cluster)
    for (const i of moved) keys[i] = {...keys[i], cluster: members[i].context}
  }
}

/** The first of each key, in order: one cluster reached through two contexts is measured and pushed once. */
export function uniqueKeys<T>(items: T[], keyOf: (item: T) => ClusterKey): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = keyString(keyOf(item))
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
