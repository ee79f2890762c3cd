import type {Owner} from '../managed-fields/ownership.js'

/**
 * What EKS's next apply of the add-on (update-addon, or its periodic reconcile where it runs) does to a change:
 * - `contested`: EKS declares the field, a user owns it, the values differ: OVERWRITE puts EKS's value back, NONE fails
 *   with a conflict on the path, PRESERVE keeps the user's value;
 * - `restored`: EKS declares it and it is gone or nobody holds it (or EKS applied a value its configurationValues no
 *   longer set): EKS puts the release value back, whatever --resolve-conflicts says;
 * - `undetermined`: EKS applied a value of its own: kept if the configurationValues set it, else restored; the input cannot tell;
 * - `configured`: EKS applied it from the add-on's configurationValues: not drift;
 * - `preserved`: EKS does not declare it (or it is a warm-pool variable EKS leaves alone): kept;
 * - `informational`: a self-managed install, nothing reconciles it.
 */
export type Effect = 'configured' | 'contested' | 'informational' | 'preserved' | 'restored' | 'undetermined'

/** Groups in the order they matter to the user. */
export const EFFECT_ORDER: Effect[] = ['contested', 'restored', 'undetermined', 'configured', 'preserved', 'informational']

/** Effects that are a problem (exit 1): EKS's next apply changes the DaemonSet back, or fails. */
export const PROBLEM_EFFECTS: readonly Effect[] = ['contested', 'restored']

/** One difference between the running DaemonSet and the defaults of its version. */
export interface Change {
  /** For a contested change, the path as EKS's conflict errors print it: `DaemonSet.apps aws-node - .spec…`; else null. */
  conflict: null | string
  /** Value in the cluster; null when the field or item is absent. */
  current: unknown
  /** Value of the release's DaemonSet (API server defaults filled in); null when it has none. */
  default: unknown
  effect: Effect
  kind: 'added' | 'changed' | 'removed'
  /** The field managers that own the path (empty when none or inferred). */
  managers: string[]
  owner: Owner
  /** In the syntax of EKS conflict messages: `.spec.template.spec.containers[name="aws-node"].image`. */
  path: string
  reason: string
}

export type LintSeverity = 'error' | 'info' | 'warning'

export interface LintFinding {
  id: string
  message: string
  path?: string
  severity: LintSeverity
  suggestions?: string[]
}

export interface Remedy {
  /** `aws eks update-addon ...` with the JSON inline, shell-quoted; null when no change is settable. */
  command: null | string
  /** Ready for `--configuration-values`: only keys the add-on schema accepts, values as strings where it wants strings. */
  configurationValues: Record<string, unknown>
  /** `read`: they start from the add-on's configurationValues (DescribeAddon); `unknown`: the input has none to start from. */
  currentConfiguration: 'read' | 'unknown'
  notSettable: Array<{path: string; reason: string}>
  /** `cluster`: the add-on version's own schema (DescribeAddonConfiguration); `embedded`: vpccni's snapshot. */
  schemaSource: 'cluster' | 'embedded'
  /** The add-on version whose configuration schema the keys were checked against. */
  schemaVersion: string
  /** Undetermined changes carried into configurationValues: EKS applied them itself, most likely from configurationValues. */
  undeterminedCarried: string[]
}

export type AddonStatus = 'managed' | 'self-managed' | 'unknown'

export interface DiffReport {
  addon: {basis: string; status: AddonStatus}
  changes: Change[]
  cniVersion: {baseline: string; running: string; source: string}
  daemonSet: {name: string; namespace: string}
  lint: LintFinding[]
  ownership: {managers: string[]; source: 'inferred' | 'managedFields'}
  remedy: null | Remedy
  schemaVersion: 1
  summary: Record<Effect, number>
  warnings: string[]
}

/** A plain parsed Kubernetes object; the core never sees client-library types. */
export type KubeObject = Record<string, unknown>

/** What `diff` compares: from files today, from the live layer (DaemonSet, ConfigMap, DescribeAddon) later. */
export interface DiffInput {
  /** From EKS DescribeAddon when known: whether the add-on exists, and its configurationValues (parsed). */
  addon?: {
    basis?: string
    /** The add-on version's configurationSchema (DescribeAddonConfiguration), as the JSON string EKS returns. */
    configurationSchema?: string
    configurationValues?: Record<string, unknown>
    managed: boolean
    version?: string
  }
  /** The EKS cluster's name, for the remedy's command; unknown, the command says CLUSTER. */
  clusterName?: string
  configMap?: KubeObject
  daemonSet: KubeObject
  /** ENIConfig names in the cluster; undefined when unknown. */
  eniConfigs?: string[]
}
