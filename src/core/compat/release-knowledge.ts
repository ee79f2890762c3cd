/** Where a piece of embedded knowledge comes from. */
export interface KnowledgeSource {
  commit?: string
  date?: string
  description: string
  path?: string
  repository?: string
  url?: string
}

/** One tagged VPC CNI release and what its manifest ships. */
export interface CniRelease {
  containers: string[]
  date: string
  highlights: string[]
  initContainers: string[]
  /** Path of the self-managed manifest inside the repository at the release tag. */
  manifestPath: string
  networkPolicyAgent: null | string
  notes: Array<{source: string; text: string}>
  /** The grpc-health-probe address of the aws-node probes, e.g. `-addr=:50051`. */
  probeAddr: null | string
  version: string
}

/** A capability that needs a CNI release (and sometimes a Kubernetes version). */
export interface FeatureFloor {
  id: string
  kubernetesAtLeast?: string
  /** Why it matters when crossing this release in an upgrade. */
  note: string
  since: string
  source: string
  title: string
}

/**
 * A release range with a known defect. `condition` names the setup that triggers it (absent: everyone);
 * `kubernetesAtMost` limits it to old control planes. `breaks` makes it an incompatibility, not a warning.
 */
export interface KnownRegression {
  breaks: boolean
  condition?: string
  fixedIn?: string
  from: string
  id: string
  kubernetesAtMost?: string
  source: string
  summary: string
  to: string
}

/** An AWS IAM permission a release starts to need. */
export interface IamChange {
  permission: string
  since: string
  source: string
  summary: string
}

/** A documented upgrade rule, cited by id. */
export interface UpgradeRule {
  id: string
  rule: string
  source: string
}

/** Everything vpccni knows about CNI releases, passed to the pure compat functions. */
export interface ReleaseKnowledge {
  eksRecommended: {source: string; table: Record<string, string>}
  /** Dated EKS docs tables of the latest add-on per Kubernetes version, oldest first; used below the recommended table. */
  eksDocSnapshots: Array<{asOf: string; source: string; table: Record<string, string>}>
  features: FeatureFloor[]
  generatedAt: string
  iamChanges: IamChange[]
  kubernetesMinimum: {source: string; table: Record<string, string>}
  regressions: KnownRegression[]
  releases: CniRelease[]
  rules: UpgradeRule[]
  sources: KnowledgeSource[]
}
