import {isRecord} from '../../core/is-record.js'
import {UserError} from '../../errors.js'
import type {ClusterCallName} from '../cluster-source.js'

const LISTS: ReadonlySet<ClusterCallName> = new Set([
  'describeInstances',
  'describeNetworkInterfaces',
  'describeSubnetNetworkInterfaces',
  'describeSubnets',
  'getSubnetCidrReservations',
  'listEniConfigs',
  'listNodes',
  'listPods',
  'listSandboxFailures',
  'listWarningEvents',
])
const EKS: ReadonlySet<ClusterCallName> = new Set(['describeAddon', 'describeAddonConfiguration', 'describeAddonVersions', 'describeCluster', 'listNodegroups'])
const NULLABLE: ReadonlySet<ClusterCallName> = new Set(['listNetworkPolicies', 'readAwsNode', 'readAwsNodeServiceAccount', 'readCniConfigMap'])


/** Whether a file's JSON has the outline of the call's answer: lists are arrays, EKS answers say `available`, ... */
function hasShape(call: ClusterCallName, value: unknown): boolean {
  if (LISTS.has(call)) return Array.isArray(value) && value.every((item) => isRecord(item))
  if (EKS.has(call)) return isRecord(value) && typeof value.available === 'boolean'
  if (NULLABLE.has(call) && value === null) return true
  if (call === 'listNetworkPolicies') return Array.isArray(value) && value.every((item) => isRecord(item))
  if (call === 'readAwsNode') return isRecord(value) && isRecord(value.manifest) && Array.isArray(value.containers)
  if (call === 'readServerVersion') return isRecord(value) && typeof value.major === 'string' && typeof value.minor === 'string'
  return isRecord(value)
}

/**
 * A snapshot file edited by hand, or from another tool, fails here as bad input naming the file, instead of
 * deep inside a command as an internal error.
 */
export function checkAnswerShape<T>(dir: string, file: string, call: ClusterCallName, value: unknown): T {
  if (!hasShape(call, value)) {
    throw new UserError(`--from-dir ${dir}: ${file} does not hold a ${call} answer`, {hint: 'take the snapshot again with vpccni snapshot -o DIR'})
  }

  return value as T
}
