import type {ClusterCallName} from '../cluster-source.js'

/** The layout version of a snapshot folder; a reader refuses any other. */
export const SNAPSHOT_SCHEMA_VERSION = 1

export const SNAPSHOT_INDEX_FILE = 'index.json'

/** Every call a snapshot captures, in the order the summary lists them. */
export const SNAPSHOT_CALLS: readonly ClusterCallName[] = [
  'readServerVersion',
  'readAwsNode',
  'readCniConfigMap',
  'listNodes',
  'listPods',
  'listEniConfigs',
  'listSandboxFailures',
  'listWarningEvents',
  'listNetworkPolicies',
  'readAwsNodeServiceAccount',
  'describeInstances',
  'describeNetworkInterfaces',
  'describeSubnets',
  'describeSubnetNetworkInterfaces',
  'getSubnetCidrReservations',
  'describeCluster',
  'listNodegroups',
  'describeAddon',
  'describeAddonVersions',
  'describeAddonConfiguration',
]

/** A failed call as recorded, enough to throw the same error again when replayed. */
export interface RecordedError {
  /** The call as the error names it (`list pods`, `ec2:DescribeInstances`). */
  call: string
  exitCode: number
  hint: null | string
  message: string
  permission: null | string
}

/** One call's record in the index: its file, or the error it met. `args` are what the call was asked. */
export type SnapshotCallEntry =
  | {args: Record<string, unknown>; error: RecordedError; file: null; ok: false}
  /**
   * `count`: the items in a list answer; `note`: an EKS answer that says why EKS gave none (no access, no add-on),
   * kept as answered.
   */
  | {args: Record<string, unknown>; count: null | number; file: string; note: null | string; ok: true}

/** The kubeconfig context, without its user entry: a snapshot names where it came from, never who asked. */
export interface SnapshotContext {
  cluster: string
  name: string
  server: string
}

export interface SnapshotIndex {
  calls: Record<ClusterCallName, SnapshotCallEntry>
  context: null | SnapshotContext
  eksCluster: null | string
  region: null | string
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION
  /** ISO 8601, given by the command that took it. */
  takenAt: string
  vpccniVersion: string
}

export const callFileName = (call: ClusterCallName): string => `${call}.json`
