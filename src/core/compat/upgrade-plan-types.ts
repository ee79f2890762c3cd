import type {InstallKind} from './cluster-cni-facts.js'

/** A shell command with what it is for. */
export interface PlanCommand {
  command: string
  purpose: string
}

export type StepNoteKind = 'container' | 'feature' | 'iam' | 'probe' | 'regression' | 'rule'

/** What changes or needs watching in one step, with its source where one applies. */
export interface StepNote {
  kind: StepNoteKind
  source?: string
  text: string
}

/** One CNI hop: from one release to the next on the path. */
export interface UpgradeStep {
  commands: PlanCommand[]
  from: string
  notes: StepNote[]
  /** The Kubernetes version the control plane runs during this step, when known. */
  kubernetesVersion: null | string
  to: string
}

/** Where the control-plane upgrade goes in the plan: after step `afterStep` (0 = before the first). */
export interface ClusterUpgrade {
  afterStep: number
  commands: PlanCommand[]
  from: null | string
  reason: string
  to: string
}

export interface UpgradePlan {
  clusterUpgrade: ClusterUpgrade | null
  dataGeneratedAt: string
  from: string
  installKind: InstallKind
  /** True when no install kind was given and the plan assumed the EKS managed add-on. */
  installKindAssumed: boolean
  kubernetesTarget: null | string
  kubernetesVersion: null | string
  /** The documented rules the path follows, with their sources. */
  rules: Array<{id: string; rule: string; source: string}>
  schemaVersion: 1
  steps: UpgradeStep[]
  /**
   * Whether the target works on the Kubernetes version the plan ends on (compat's verdict); null when no
   * Kubernetes version is known. A plan that ends on an incompatible release exits 1.
   */
  targetCompatible: boolean | null
  to: string
  warnings: string[]
}
