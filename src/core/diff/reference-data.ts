import type {EnvVarFact} from '../aws-node-env.js'
import type {DataSource} from '../instance-type.js'

export type {EnvValueKind, EnvVarFact} from '../aws-node-env.js'

/** Where a variable sits in the upstream manifest across releases (computed from every tag's manifest). */
export interface ManifestEnvEntry {
  container: string
  /** First release whose manifest sets it. */
  from: string
  name: string
  /** First release whose manifest no longer sets it. */
  until?: string
  /** The manifest value when it differs from the template's; null when the data does not say (then any value passes). */
  value?: null | string
}

/** Per-release facts of the upstream aws-node manifest. */
export interface ReleaseManifest {
  capabilities: null | string[]
  containers: string[]
  /** Image repository and tag per container, registry left out: `amazon-k8s-cni:v1.23.0`. */
  images: Record<string, string>
  initContainers: string[]
  maxUnavailable: null | string
  /** The grpc-health-probe address argument of both probes. */
  probeAddr: null | string
  serviceAccountName: string
  version: string
}

/** A field path pattern (`[*]` matches any list key) that the EKS add-on is documented or observed to manage. */
export interface ManagedFieldPattern {
  basis: 'documented' | 'observed-conflict'
  pattern: string
  source: string
}

/** Keys of the vpc-cni add-on configuration schema (`configurationValues`), for one schema snapshot. */
export interface AddonSchemaKeys {
  addonVersion: string
  env: string[]
  initEnv: string[]
  nodeAgent: string[]
  source: string
  topLevel: string[]
}

/** Everything `diff` compares against; embedded in src/data, passed in so the core stays pure. */
export interface DiffReferenceData {
  addonSchema: AddonSchemaKeys
  envVars: EnvVarFact[]
  managedFields: ManagedFieldPattern[]
  manifestEnv: ManifestEnvEntry[]
  releases: ReleaseManifest[]
  sources: DataSource[]
  /** The upstream DaemonSet object the baseline starts from, and the release it belongs to. */
  template: {object: Record<string, unknown>; version: string}
}
