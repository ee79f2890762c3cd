import type {DataSource} from '../instance-type.js'

/** How an aws-node environment value is checked: ipamd parses ints with strconv.Atoi and booleans with ParseBool. */
export type EnvValueKind = 'bool' | 'enum' | 'fieldRef' | 'int' | 'json' | 'string'

/** One environment variable of the aws-node DaemonSet (aws-node container or aws-vpc-cni-init). */
export interface EnvVarFact {
  /** Values an `enum` accepts. */
  allowed?: string[]
  /** Containers that read it. */
  containers: string[]
  /** The binary's default when the variable is unset; null when unset means "off". */
  default: null | string
  /** The release that stopped using it, if any. */
  deprecatedIn?: string
  kind: EnvValueKind
  name: string
  /** The release that introduced it; null when it predates v1.5. */
  since: null | string
}

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
