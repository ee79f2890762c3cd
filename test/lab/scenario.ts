import {type AwsNodeOptions, makeAwsNodeDaemonSet} from './objects/aws-node.js'
import {
  type LabEniConfig,
  type LabSandboxFailure,
  makeCniConfigMap,
  makeEniConfig,
  makeEvent,
  makeNamespace,
  makeSandboxFailureEvent,
} from './objects/cluster-objects.js'
import {applyHealthSpec, type LabHealthSpec} from './objects/health-objects.js'
import {amiMaxPods, type LabNode, makeNode} from './objects/node.js'
import {type LabPod, makePod} from './objects/pod.js'
import {ENICONFIG_GROUP, LAB_RESOURCES} from './resources.js'
import type {LabState} from './serve-resource.js'

/** One node; every field but type and zone has a deterministic default, and can be set to match an EC2 (moto) scenario. */
export type LabNodeSpec = Partial<Omit<LabNode, 'instanceType' | 'zone'>> & {
  instanceType: string
  /** Addresses of the workload pods, in order; else drawn from the zone's range. */
  podIps?: string[]
  /** Workload pods bound to the node still waiting for an address (ContainerCreating). */
  pendingPods?: number
  /** Workload pods on this node (aws-node and kube-proxy, host-network, come on top). */
  pods?: number
  zone: string
}

export interface NodeGroupSpec {
  count: number
  instanceType: string
  podsPerNode?: number
  /** Nodes go round-robin over these; default us-west-2a and us-west-2b. */
  zones?: string[]
}

/** A workload pod beyond the generated ones: pending (no address yet), with a branch ENI, or at a given address. */
export interface LabExtraPod {
  /** Empty: still waiting for an address (ContainerCreating). */
  ip: string
  name: string
  /** Index into the cluster's nodes. */
  node: number
  podEni?: boolean
}

export interface ClusterSpec {
  /** null: no aws-node DaemonSet (another CNI). */
  awsNode?: Omit<AwsNodeOptions, 'nodeCount'> | null
  /**
   * The running aws-node pods: env they were started with, when it differs from the DaemonSet's (a pod started
   * before `kubectl set env`), and the container start time.
   */
  awsNodePods?: {env?: Record<string, string>; startedAt?: string}
  extraPods?: LabExtraPod[]
  /** null: no amazon-vpc-cni ConfigMap. Default: the upstream manifest's. */
  cniConfigMap?: Record<string, string> | null
  /** null: the ENIConfig CRD is not installed. Default: installed, none defined. */
  eniConfigs?: LabEniConfig[] | null
  /** What the health and mode checks read: aws-node and kube-proxy pods, Warning events, node conditions, ... */
  health?: LabHealthSpec
  kubernetesVersion?: string
  nodeGroups?: NodeGroupSpec[]
  nodes?: LabNodeSpec[]
  region?: string
  sandboxFailures?: LabSandboxFailure[]
}

export interface LabCluster {
  nodes: LabNode[]
  pods: LabPod[]
  state: LabState
}

const APPS = [['web', 'default'], ['cart', 'shop'], ['ledger', 'payments'], ['coredns', 'kube-system']] as const

/** "A cluster of N nodes of these types with these pods": every object the lab serves, consistent with each other. */
export function buildLabCluster(spec: ClusterSpec): LabCluster {
  const region = spec.region ?? 'us-west-2'
  const minor = spec.kubernetesVersion?.split('.')[1] ?? '31'
  const kubeletVersion = `v1.${minor}.4-eks-2d5f260`
  const ips = new ZoneAddresses()
  const specs = [...(spec.nodes ?? []), ...(spec.nodeGroups ?? []).flatMap((group) => expandGroup(group))]
  const nodes: LabNode[] = []
  const pods: LabPod[] = []
  const daemonSet = spec.awsNode === null ? undefined : makeAwsNodeDaemonSet({...spec.awsNode, nodeCount: specs.length})
  const agent = daemonSet && agentOf(daemonSet, spec.awsNodePods)
  for (const [index, nodeSpec] of specs.entries()) {
    const node = completeNode(nodeSpec, index, region, ips)
    nodes.push(node)
    for (const app of ['aws-node', 'kube-proxy']) {
      pods.push({...podOf(node, app, 'kube-system', node.privateIp, true, pods.length), agent: app === 'aws-node' ? agent : undefined})
    }

    for (let k = 0; k < (nodeSpec.pods ?? 0); k++) {
      const [app, namespace] = APPS[pods.length % APPS.length]
      pods.push(podOf(node, app, namespace, nodeSpec.podIps?.[k] ?? ips.next(node.zone), false, pods.length))
    }

    for (let k = 0; k < (nodeSpec.pendingPods ?? 0); k++) pods.push({...podOf(node, 'web', 'default', '', false, pods.length), phase: 'Pending'})
  }

  for (const extra of spec.extraPods ?? []) {
    const node = nodes[extra.node]
    pods.push({...podOf(node, 'web', 'default', extra.ip, false, pods.length), name: extra.name, phase: extra.ip ? 'Running' : 'Pending', podEni: extra.podEni})
  }

  const failures = spec.sandboxFailures ?? []
  const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'payments', 'shop']
  const objects = new Map<string, object[]>([
    ['configmaps', spec.cniConfigMap === null ? [] : [makeCniConfigMap(spec.cniConfigMap)]],
    ['daemonsets', daemonSet ? [daemonSet] : []],
    ['eniconfigs', (spec.eniConfigs ?? []).map((e) => makeEniConfig(e))],
    ['events', [...failures.map((f, i) => makeSandboxFailureEvent(f, i)), ...pods.slice(0, 3).map((p, i) => makeEvent(p.namespace, p.name, p.nodeName, 'Scheduled', `Successfully assigned ${p.namespace}/${p.name} to ${p.nodeName}`, 1, i))]],
    ['namespaces', namespaces.map((n) => makeNamespace(n))],
    ['nodes', nodes.map((n, i) => makeNode(n, region, kubeletVersion, i))],
    ['pods', pods.map((p, i) => makePod(p, i))],
  ])
  applyHealthSpec(objects as Map<string, Array<{[key: string]: unknown}>>, spec.health)
  const state: LabState = {
    objects: objects as LabState['objects'],
    resources: LAB_RESOURCES.filter((r) => spec.eniConfigs !== null || r.group !== ENICONFIG_GROUP),
    resourceVersion: '1000000',
    version: {buildDate: '2026-10-30T22:14:05Z', compiler: 'gc', gitCommit: '2d5f2604a3c1b1e6f3a1c0e9d8b7a6f5e4d3c2b1', gitTreeState: 'clean', gitVersion: `v1.${minor}.4-eks-2d5f260`, goVersion: 'go1.22.9', major: '1', minor: `${minor}+`, platform: 'linux/amd64'},
  }
  return {nodes, pods, state}
}

/** The aws-node pods' container: the DaemonSet's env unless the spec says they were started with another. */
function agentOf(daemonSet: Record<string, unknown>, pods: ClusterSpec['awsNodePods']): LabPod['agent'] {
  const template = (daemonSet.spec as {template: {spec: {containers: Array<{env: Array<{name: string; value?: string}>; name: string}>}}}).template
  const env = structuredClone(template.spec.containers.find((c) => c.name === 'aws-node')!.env)
  for (const [name, value] of Object.entries(pods?.env ?? {})) {
    const existing = env.find((e) => e.name === name)
    if (existing) existing.value = value
    else env.push({name, value})
  }

  return {env, startedAt: pods?.startedAt ?? '2026-11-25T10:00:03Z'}
}

function expandGroup(group: NodeGroupSpec): LabNodeSpec[] {
  const zones = group.zones ?? ['us-west-2a', 'us-west-2b']
  return Array.from({length: group.count}, (_, i) => ({instanceType: group.instanceType, pods: group.podsPerNode, zone: zones[i % zones.length]}))
}

function completeNode(spec: LabNodeSpec, index: number, region: string, ips: ZoneAddresses): LabNode {
  const privateIp = spec.privateIp ?? ips.next(spec.zone)
  return {
    annotations: spec.annotations ?? {},
    instanceId: spec.instanceId ?? `i-0${(index + 1).toString(16).padStart(16, '0')}`,
    instanceType: spec.instanceType,
    labels: spec.labels ?? {},
    maxPods: spec.maxPods ?? amiMaxPods(spec.instanceType),
    name: spec.name ?? `ip-${privateIp.replaceAll('.', '-')}.${region}.compute.internal`,
    privateIp,
    ready: spec.ready ?? true,
    zone: spec.zone,
  }
}

function podOf(node: LabNode, app: string, namespace: string, ip: string, hostNetwork: boolean, index: number): LabPod {
  const suffix = (index * 7919 + 12_345).toString(36).padStart(5, '0').slice(-5)
  const name = hostNetwork ? `${app}-${suffix}` : `${app}-5d8f7c${(index % 9) + 1}b4-${suffix}`
  return {app, hostNetwork, ip, name, namespace, nodeIp: node.privateIp, nodeName: node.name, phase: 'Running'}
}

/** Addresses drawn in order from one 10.x.0.0/12 per zone (zone letter a → 10.0, b → 10.16, ...). */
class ZoneAddresses {
  private readonly used = new Map<string, number>()

  next(zone: string): string {
    const n = (this.used.get(zone) ?? 9) + 1
    this.used.set(zone, n)
    const base = ((zone.at(-1) ?? 'a').charCodeAt(0) - 97) * 16
    return `10.${base + Math.floor(n / 65_536)}.${Math.floor(n / 256) % 256}.${n % 256}`
  }
}
