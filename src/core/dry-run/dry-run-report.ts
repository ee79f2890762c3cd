import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import type {PoolSnapshot} from '../ipamd/pool-snapshot.js'
import type {DryRunAction} from './describe-action.js'
import type {ActionCycle} from './find-cycle.js'
import type {DryRunAnomaly} from './dry-run-anomaly.js'
import type {GrowthLimit} from './growth-limits.js'
import type {EniView} from './map-node-state.js'
import type {PlacementRange} from './placement-range.js'
import type {PermissionCheck} from './plan-permission-checks.js'

/** Where the projection ends, under one set of settings. */
export interface DryRunProjection {
  actions: DryRunAction[]
  /** Why the pool would still change but cannot, once settled. */
  blocked: string[]
  /** When the pool never settles: its last `actions` repeat every `periodSeconds`, from `fromSeconds`. Null when settled. */
  cycle: ActionCycle | null
  limits: GrowthLimit[]
  /** With ipamd's random placement of the pending pods, where it matters (errata 5): the spread of the end state. */
  placementRange: null | PlacementRange
  /** Pending pods that still have no address once the pool has settled. */
  podsWithoutAddress: number
  projectedState: PoolSnapshot
  settled: boolean
}

export interface DryRunSettings extends IpamdConfig {
  /** Variables whose value on the running pod differs from the DaemonSet's template. */
  differsFromDaemonSet: string[]
  /** Values ipamd cannot parse and replaces with its default. */
  fallbacks: string[]
  pod: null | string
  source: 'daemonset' | 'pod'
  startedAt: null | string
}

export interface DryRunResult extends DryRunProjection {
  anomalies: DryRunAnomaly[]
  assumptions: string[]
  current: PoolSnapshot & {interfaces: EniView[]; pendingPods: string[]}
  /** The files given: `/v1/enis` and the checkpoint. */
  inputs: {checkpoint: null | string; introspection: null | string}
  instance: {id: string; maxPods: number; maxPodsFrom: 'computed' | 'node capacity'; type: string; zone: null | string}
  mode: 'prefix' | 'secondary-ip'
  node: string
  /** The warm pool's derived limits for this type and mode. */
  poolLimits: PoolLimits
  permissions?: PermissionCheck[]
  /** Whose permissions `permissions` are: the caller's, not ipamd's. */
  permissionsNote?: string
  /** With --set: the same node under the proposed settings. */
  proposed?: DryRunProjection & {set: Record<string, string>; settings: IpamdConfig}
  schemaVersion: 1
  settings: DryRunSettings
  warnings: string[]
}
