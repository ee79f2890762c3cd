import type {ClusterCallName, ClusterSource} from '../cluster-source.js'
import type {Ec2CidrReservation, Ec2Instance, Ec2NetworkInterface, Ec2Subnet} from '../ec2/ec2-types.js'
import type {EksAddonVersion, EksAnswer} from '../eks/eks-types.js'
import type {DoctorSystemPod} from '../../core/doctor/health-objects.js'
import {labelInterner} from '../kubernetes/intern-labels.js'
import type {PodSummary} from '../kubernetes/types.js'
import {UserError} from '../../errors.js'
import {checkAnswerShape} from './check-answer-shape.js'
import {errorFromRecord} from './recorded-error.js'
import {readSnapshotIndex, readSnapshotJson} from './read-snapshot.js'
import type {SnapshotCallEntry, SnapshotIndex} from './snapshot-format.js'

/** A snapshot's file holds each pod's labels in full: shared again, as a live listing shares them. */
function shareLabels(pods: PodSummary[]): PodSummary[] {
  const intern = labelInterner()
  for (const pod of pods) if (pod.labels) pod.labels = intern(pod.labels)
  return pods
}

/**
 * A ClusterSource answering from a snapshot folder, as the live source would have answered when it was taken:
 * by-id calls pick from what was captured (an id not captured is absent, as with EC2), a call that failed
 * then throws the same error now, and an EKS question the snapshot did not ask is an unavailable answer.
 */
export function openSnapshotSource(dir: string): ClusterSource {
  const index = readSnapshotIndex(dir)
  const cache = new Map<ClusterCallName, unknown>()
  const answer = <T>(call: ClusterCallName): T => {
    const entry = index.calls[call]
    if (!entry) throw new UserError(`--from-dir ${dir}: the snapshot has no record of ${call}`, {hint: 'take the snapshot again'})
    if (!entry.ok) throw errorFromRecord(entry.error)
    if (!cache.has(call)) {
      const value = checkAnswerShape(dir, entry.file, call, readSnapshotJson(dir, entry.file))
      cache.set(call, call === 'listPods' ? shareLabels(value as PodSummary[]) : value)
    }

    return cache.get(call) as T
  }

  const pick = <T>(call: ClusterCallName, ids: string[], key: (item: T) => null | string | undefined): T[] => {
    if (ids.length === 0) return []
    const wanted = new Set(ids)
    return answer<T[]>(call).filter((item) => wanted.has(key(item) ?? ''))
  }

  let pods: PodSummary[] | undefined
  return {
    close() {},
    describeAddon: async () => answer('describeAddon'),
    describeAddonConfiguration: async (addonVersion) =>
      askedAs(index, 'describeAddonConfiguration', 'addonVersion', addonVersion) ?? answer('describeAddonConfiguration'),
    describeAddonVersions: async (kubernetesVersion) =>
      compatibleWith(answer<EksAnswer<EksAddonVersion[]>>('describeAddonVersions'), kubernetesVersion),
    describeCluster: async () => answer('describeCluster'),
    describeInstances: async (ids) => pick<Ec2Instance>('describeInstances', ids, (instance) => instance.instanceId),
    describeNetworkInterfaces: async (ids) => pick<Ec2NetworkInterface>('describeNetworkInterfaces', ids, (eni) => eni.attachment?.instanceId),
    describeSubnetNetworkInterfaces: async (ids) => pick<Ec2NetworkInterface>('describeSubnetNetworkInterfaces', ids, (eni) => eni.subnetId),
    describeSubnets: async (ids) => pick<Ec2Subnet>('describeSubnets', ids, (subnet) => subnet.subnetId),
    async dryRun(request) {
      throw new UserError(`--from-dir ${dir}: a snapshot cannot answer ec2:${request.action} (DryRun)`, {
        hint: 'permissions are checked against the live account; drop --from-dir',
      })
    },
    getSubnetCidrReservations: async (ids) => pick<Ec2CidrReservation>('getSubnetCidrReservations', ids, (r) => r.subnetId),
    listEniConfigs: async () => answer('listEniConfigs'),
    listNetworkPolicies: async () => answer('listNetworkPolicies'),
    listNodegroups: async () => (index.calls.listNodegroups ? answer('listNodegroups') : notInSnapshot('eks:ListNodegroups')),
    listNodes: async () => answer('listNodes'),
    async listPods(options) {
      pods ??= withSystemPods(dir, index, answer<PodSummary[]>('listPods'))
      return options?.nodeName === undefined ? pods : pods.filter((pod) => pod.nodeName === options.nodeName)
    },
    listSandboxFailures: async () => answer('listSandboxFailures'),
    listWarningEvents: async () => answer('listWarningEvents'),
    // The user entry is never recorded: the context names the cluster and server only.
    origin: {
      context: index.context ? {...index.context, user: ''} : null,
      dir,
      eksCluster: index.eksCluster,
      kind: 'snapshot',
      region: index.region,
      takenAt: index.takenAt,
    },
    readAwsNode: async () => answer('readAwsNode'),
    readAwsNodeServiceAccount: async () => answer('readAwsNodeServiceAccount'),
    readCniConfigMap: async () => answer('readCniConfigMap'),
    readServerVersion: async () => answer('readServerVersion'),
  }
}

/**
 * DescribeAddonVersions narrowed as EKS narrows it for `kubernetesVersion`: only versions compatible with it,
 * each keeping only that compatibility entry. The snapshot holds the unfiltered answer.
 */
function compatibleWith(all: EksAnswer<EksAddonVersion[]>, kubernetesVersion: string | undefined): EksAnswer<EksAddonVersion[]> {
  if (!all.available || kubernetesVersion === undefined) return all
  const value = all.value
    .map((version) => ({...version, compatibilities: version.compatibilities.filter((c) => c.clusterVersion === kubernetesVersion)}))
    .filter((version) => version.compatibilities.length > 0)
  return {...all, value}
}

/** Undefined when the snapshot asked EKS with this argument; else the note that it holds another answer. */
function askedAs<T>(index: SnapshotIndex, call: ClusterCallName, arg: string, value: null | string): EksAnswer<T> | undefined {
  const recorded = index.calls[call]?.args?.[arg] ?? null
  if (recorded === value) return undefined
  const name = `eks:${call[0].toUpperCase()}${call.slice(1)}`
  const held = recorded === null ? 'no answer' : `the answer for ${arg} ${String(recorded)} only`
  return {available: false, call: name, hint: null, permission: null, reason: `${name}: the snapshot holds ${held}, not for ${value ?? 'any'}`}
}

/** A snapshot taken before vpccni captured a call answers it as EKS answers a question it cannot: unavailable, saying why. */
function notInSnapshot<T>(call: string): EksAnswer<T> {
  return {available: false, call, hint: 'take the snapshot again with this vpccni', permission: null, reason: `${call}: the snapshot was taken before vpccni recorded it`}
}

/**
 * The pods of a snapshot taken before the pod list carried the kube-system pods' health (PodSummary.system): that
 * snapshot holds them in listSystemPods.json, matched here by name (unique in kube-system).
 */
function withSystemPods(dir: string, index: SnapshotIndex, pods: PodSummary[]): PodSummary[] {
  const entry = (index.calls as Partial<Record<string, SnapshotCallEntry>>).listSystemPods
  if (!entry?.ok || pods.some((pod) => pod.system !== undefined)) return pods
  const recorded = readSnapshotJson(dir, entry.file)
  const byName = new Map((Array.isArray(recorded) ? (recorded as DoctorSystemPod[]) : []).map((pod) => [pod.name, pod]))
  return pods.map((pod) => ({...pod, system: pod.namespace === 'kube-system' ? (byName.get(pod.name) ?? null) : null}))
}
