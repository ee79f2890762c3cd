import type {Owner} from '../managed-fields/ownership.js'

/** What happens to a change: EKS takes it back, keeps it, fails the next update over it, or nothing reconciles it. */
export type Effect = 'conflict' | 'informational' | 'preserved' | 'reverted'

/** Groups in the order they matter to the user. */
export const EFFECT_ORDER: Effect[] = ['reverted', 'conflict', 'preserved', 'informational']

/** One difference between the running DaemonSet and the defaults of its version. */
export interface Change {
  /** Value in the cluster; null when the field or item is absent. */
  current: unknown
  /** Value of the upstream manifest for the running version; null when the manifest does not set it. */
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
  notSettable: Array<{path: string; reason: string}>
  /** `cluster`: the add-on version's own schema (DescribeAddonConfiguration); `embedded`: vpccni's snapshot. */
  schemaSource: 'cluster' | 'embedded'
  /** The add-on version whose configuration schema the keys were checked against. */
  schemaVersion: string
}

export type AddonStatus = 'managed' | 'self-managed' | 'unknown'

export interface DiffReport {
  addon: {basis: string; status: AddonStatus}
  changes: Change[]
  cniVersion: {baseline: string; coverage: 'full' | 'partial'; running: string; source: string}
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
    clusterName?: string
    /** The add-on version's configurationSchema (DescribeAddonConfiguration), as the JSON string EKS returns. */
    configurationSchema?: string
    configurationValues?: Record<string, unknown>
    managed: boolean
    version?: string
  }
  configMap?: KubeObject
  daemonSet: KubeObject
  /** ENIConfig names in the cluster; undefined when unknown. */
  eniConfigs?: string[]
}
