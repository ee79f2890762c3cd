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

/** Why doctor could not read the cluster (clusterWasRead false), in words: the first read that was refused or failed. */
export const notReadReason = (report: DoctorReport): string => report.notChecked[0]?.reason.replace(/^could not check: /, '') ?? 'no check could run'

/**
 * The names of a fleet's clusters in the formats, by clusterLabel's rule (the EKS name, else the context), except where
 * two members would share one (clusters of one name in two accounts or regions, or two contexts of one cluster): those
 * go by their context, unique in a kubeconfig, so that no two clusters' series or Pushgateway groups merge.
 */
export function clusterLabels(members: Array<{context: string; name: null | string | undefined}>): string[] {
  const labels = members.map((m) => m.name ?? m.context)
  for (;;) {
    const shared = labels.filter((label, i) => labels.indexOf(label) !== i)
    const moved = members.flatMap((m, i) => (shared.includes(labels[i]) && labels[i] !== m.context ? [i] : []))
    if (moved.length === 0) return labels
    for (const i of moved) labels[i] = members[i].context
  }
}
