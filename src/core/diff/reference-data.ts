import type {EnvVarFact} from '../aws-node-env.js'
import type {DataSource} from '../instance-type.js'
import type {KubeObject} from './diff-report.js'

export type {EnvValueKind, EnvVarFact} from '../aws-node-env.js'

/** A field path pattern (`[*]` matches any list key) that the EKS add-on is documented or observed to manage. */
export interface ManagedFieldPattern {
  basis: 'documented' | 'observed-conflict'
  pattern: string
  source: string
}

/** An aws-node variable EKS leaves to the user: its add-on applies it at install and never contests it. */
export interface TuningVariable {
  name: string
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
  /** The aws-node DaemonSet exactly as each release shipped it, by release, oldest first. */
  baselines: ReadonlyMap<string, KubeObject>
  envVars: EnvVarFact[]
  /** The documented EKS-managed fields: EKS's intent when the input has no managedFields. */
  managedFields: ManagedFieldPattern[]
  sources: DataSource[]
  tuningVariables: TuningVariable[]
}
