import type {ClusterCallName, ClusterSource} from '../cluster-source.js'
import type {EksAnswer} from '../eks/eks-types.js'
import type {NodeSummary} from '../kubernetes/types.js'
import {recordError} from './recorded-error.js'
import {redactIdentity} from './redact-identity.js'
import {redactSecrets} from './redact-secrets.js'
import {subnetsInUse} from '../subnets-in-use.js'
import {
  callFileName,
  type RecordedError,
  SNAPSHOT_CALLS,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotCallEntry,
  type SnapshotIndex,
} from './snapshot-format.js'

export interface CaptureOptions {
  /** ISO 8601: the command reads the clock, so the same source and time give the same snapshot. */
  takenAt: string
  vpccniVersion: string
}

/** The index and each captured call's answer, keyed by call (only the calls that answered). */
export interface CapturedSnapshot {
  answers: Partial<Record<ClusterCallName, unknown>>
  index: SnapshotIndex
}

type Outcome<T> = {error: RecordedError; ok: false} | {ok: true; value: T}

/** Records each call's answer or error; one failed call never stops the others. */
class Recorder {
  readonly answers: Partial<Record<ClusterCallName, unknown>> = {}
  readonly entries: Partial<Record<ClusterCallName, SnapshotCallEntry>> = {}

  async call<T>(name: ClusterCallName, args: Record<string, unknown>, run: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return this.keep(name, args, await run())
    } catch (error) {
      return this.fail(name, args, recordError(error, name))
    }
  }

  fail(name: ClusterCallName, args: Record<string, unknown>, error: RecordedError): Outcome<never> {
    this.entries[name] = {args, error, file: null, ok: false}
    return {error, ok: false}
  }

  keep<T>(name: ClusterCallName, args: Record<string, unknown>, answer: T): Outcome<T> {
    const eks = answer as Partial<EksAnswer<unknown>>
    const isEks = eks !== null && typeof eks === 'object' && typeof eks.available === 'boolean'
    const value = isEks && eks.available === false ? ({...eks, reason: redactIdentity(eks.reason ?? '')} as T) : answer
    const note = isEks && eks.available === false ? redactIdentity(eks.reason ?? '') : null
    const list = isEks ? (eks.available ? eks.value : undefined) : value
    this.answers[name] = redactSecrets(value)
    this.entries[name] = {args, count: Array.isArray(list) ? list.length : null, file: callFileName(name), note, ok: true}
    return {ok: true, value}
  }
}

/** A call that could not be made because the one it needs failed: recorded as failing for that reason. */
function needs(call: string, what: string, cause: RecordedError): RecordedError {
  return {...cause, call, message: `${call}: not captured: ${what} could not be read (${cause.message})`}
}

const unique = (values: Array<null | string | undefined>): string[] =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort()

/**
 * Reads everything the live commands read, through SOURCE, into one snapshot: the Kubernetes reads, then EC2
 * for the nodes' instances and the subnets in use, then EKS for the cluster's version and running add-on.
 */
export async function captureSnapshot(source: ClusterSource, options: CaptureOptions): Promise<CapturedSnapshot> {
  const rec = new Recorder()
  const [, , , nodes, , eniConfigs, , cluster, addon, nodeGroups] = await Promise.all([
    rec.call('readServerVersion', {}, () => source.readServerVersion()),
    rec.call('readAwsNode', {}, () => source.readAwsNode()),
    rec.call('readCniConfigMap', {}, () => source.readCniConfigMap()),
    rec.call('listNodes', {}, () => source.listNodes()),
    rec.call('listPods', {}, () => source.listPods()),
    rec.call('listEniConfigs', {}, () => source.listEniConfigs()),
    rec.call('listSandboxFailures', {}, () => source.listSandboxFailures()),
    rec.call('describeCluster', {}, () => source.describeCluster()),
    rec.call('describeAddon', {}, () => source.describeAddon()),
    rec.call('listNodegroups', {}, () => source.listNodegroups()),
    rec.call('listWarningEvents', {}, () => source.listWarningEvents()),
    rec.call('listNetworkPolicies', {}, () => source.listNetworkPolicies()),
    rec.call('readAwsNodeServiceAccount', {}, () => source.readAwsNodeServiceAccount()),
  ])

  const [instances, enis] = await captureEc2(rec, source, nodes)
  const subnetIds = subnetsInUse({
    cluster: cluster.ok && cluster.value.available ? cluster.value.value : undefined,
    eniConfigs: eniConfigs.ok ? eniConfigs.value : undefined,
    enis: enis.ok ? enis.value : undefined,
    instances: instances.ok ? instances.value : undefined,
    nodeGroups: nodeGroups.ok && nodeGroups.value.available ? nodeGroups.value.value : undefined,
  })
  const addonVersion = addon.ok && addon.value.available ? addon.value.value?.addonVersion : undefined
  // With no subnet to ask about because the ENIs could not be read, "no subnets" would replay as "not found".
  const subnetsNeed = subnetIds.length === 0 && !enis.ok ? enis.error : undefined
  const bySubnet = (call: 'describeSubnetNetworkInterfaces' | 'describeSubnets' | 'getSubnetCidrReservations', action: string) =>
    subnetsNeed
      ? rec.fail(call, {subnetIds: null}, needs(action, "the nodes' ENIs", subnetsNeed))
      : rec.call<unknown>(call, {subnetIds}, () => source[call](subnetIds))
  await Promise.all([
    bySubnet('describeSubnets', 'ec2:DescribeSubnets'),
    bySubnet('describeSubnetNetworkInterfaces', 'ec2:DescribeNetworkInterfaces'),
    bySubnet('getSubnetCidrReservations', 'ec2:GetSubnetCidrReservations'),
    // Every version with its compatibilities: replay then answers for any Kubernetes version (a plan towards a target).
    rec.call('describeAddonVersions', {kubernetesVersion: null}, () => source.describeAddonVersions()),
    addonVersion
      ? rec.call('describeAddonConfiguration', {addonVersion}, () => source.describeAddonConfiguration(addonVersion))
      : rec.keep('describeAddonConfiguration', {addonVersion: null}, noAddonAnswer()),
  ])

  return {answers: rec.answers, index: buildIndex(rec, source, options)}
}

function buildIndex(rec: Recorder, source: ClusterSource, options: CaptureOptions): SnapshotIndex {
  const {context, eksCluster, region} = source.origin
  return {
    // In SNAPSHOT_CALLS order, not the order calls finished in: the same cluster gives the same index.
    calls: Object.fromEntries(SNAPSHOT_CALLS.map((call) => [call, rec.entries[call]])) as SnapshotIndex['calls'],
    context: context ? {cluster: context.cluster, name: context.name, server: context.server} : null,
    eksCluster,
    region,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    takenAt: options.takenAt,
    vpccniVersion: options.vpccniVersion,
  }
}

/** DescribeInstances and DescribeNetworkInterfaces for every node's instance id. */
async function captureEc2(rec: Recorder, source: ClusterSource, nodes: Outcome<NodeSummary[]>) {
  if (!nodes.ok) {
    return [
      rec.fail('describeInstances', {instanceIds: null}, needs('ec2:DescribeInstances', 'the node list', nodes.error)),
      rec.fail('describeNetworkInterfaces', {instanceIds: null}, needs('ec2:DescribeNetworkInterfaces', 'the node list', nodes.error)),
    ] as const
  }

  const instanceIds = unique(nodes.value.map((node) => node.instanceId))
  return Promise.all([
    rec.call('describeInstances', {instanceIds}, () => source.describeInstances(instanceIds)),
    rec.call('describeNetworkInterfaces', {instanceIds}, () => source.describeNetworkInterfaces(instanceIds)),
  ])
}

/** What a snapshot holds for the add-on schema when no vpc-cni add-on version was found to ask about. */
function noAddonAnswer(): EksAnswer<never> {
  const call = 'eks:DescribeAddonConfiguration'
  return {available: false, call, hint: null, permission: null, reason: `${call}: not asked: no running vpc-cni add-on version is known`}
}
