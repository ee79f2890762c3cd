import type {CidrState, EniState, PoolState} from '../ipamd/pool-state.js'
import {classifyEni, type EniRole} from './classify-eni.js'
import type {DatastoreView} from './datastore-view.js'
import type {DryRunAnomaly} from './dry-run-anomaly.js'
import {cidrContains} from './ipv4.js'
import {settleModeLeftovers} from './mode-leftovers.js'
import type {EniFacts, NodeGather, PodFacts} from './node-facts.js'
import type {NodeSettings} from './read-node-settings.js'

/** One of the instance's ENIs as the dry-run shows it. */
export interface EniView {
  /** Seconds since ipamd took it on (attach time or aws-node start, the later); null when neither is known. */
  ageSeconds: null | number
  assigned: number
  cooling: number
  deviceIndex: number
  excluded: boolean
  id: string
  ips: number
  networkCardIndex: number
  prefixes: number
  role: EniRole
  subnetId: null | string
  why: null | string
}

export interface MappedNode {
  anomalies: DryRunAnomaly[]
  interfaces: EniView[]
  /** Pods on the node still waiting for an address (Pending, no IP, not host network, no branch ENI). */
  pendingPods: string[]
  state: PoolState
}

const podKey = (pod: {name: string; namespace: string}): string => `${pod.namespace}/${pod.name}`
const usesPool = (pod: PodFacts): boolean => !pod.hostNetwork && !pod.podEni

/**
 * The node's state as ipamd's datastore would hold it. Assigned addresses are the datastore's when a file gives
 * them (introspection, else checkpoint), else the pods' IPs; cooling addresses come from introspection only.
 */
export function mapNodeState(
  gather: NodeGather,
  settings: NodeSettings,
  datastore: DatastoreView | null,
  now: number,
  prefixDelegation: boolean,
): MappedNode {
  const instanceId = gather.node.instanceId ?? ''
  const startedAt = gather.agent.startedAt ? Date.parse(gather.agent.startedAt) / 1000 : Number.NaN
  const poolPods = gather.pods.filter((pod) => usesPool(pod) && pod.podIps.length > 0)
  const podByIp = new Map(poolPods.flatMap((pod) => pod.podIps.map((ip) => [ip, podKey(pod)] as const)))
  const assigned = new Set(datastore ? datastore.addresses.filter((a) => a.assigned).map((a) => a.address) : podByIp.keys())
  const cooling = coolingTimes(datastore, now, settings.config.ipCooldownSeconds)
  const anomalies: DryRunAnomaly[] = []
  const interfaces: EniView[] = []
  const state: PoolState = {enis: [], lastDecreaseAt: null, unmanagedEnis: 0}
  for (const eni of gather.enis) {
    const subnet = gather.subnets.find((s) => s.subnetId === eni.subnetId)
    const {excluded, role, why} = classifyEni(eni, instanceId, subnet, settings.selection)
    const attached = eni.attachTime ? Date.parse(eni.attachTime) / 1000 : Number.NaN
    const since = Math.max(Number.isNaN(attached) ? -Infinity : attached, Number.isNaN(startedAt) ? -Infinity : startedAt)
    const cidrs = cidrsOf(eni, assigned, cooling)
    interfaces.push({
      ageSeconds: Number.isFinite(since) ? Math.max(0, Math.round(now - since)) : null,
      assigned: cidrs.reduce((n, c) => n + c.assigned, 0),
      cooling: cidrs.reduce((n, c) => n + c.coolingSince.length, 0),
      deviceIndex: eni.deviceIndex,
      excluded,
      id: eni.id,
      ips: eni.secondaryIps.length,
      networkCardIndex: eni.networkCardIndex,
      prefixes: eni.prefixes.length,
      role,
      subnetId: eni.subnetId,
      why,
    })
    if (role === 'unmanaged' || role === 'efa-only') {
      state.unmanagedEnis++
      if (eni.networkCardIndex === 0) state.unmanagedDeviceIndexes = [...(state.unmanagedDeviceIndexes ?? []), eni.deviceIndex]
      anomalies.push({code: 'unmanaged-eni', detail: `ipamd does not manage it (${why}) but it takes an ENI slot`, subject: eni.id})
    }

    if (role === 'unmanaged' || role === 'efa-only' || role === 'other-card') continue
    state.enis.push(toEniState(eni, role, excluded, cidrs, Number.isFinite(since) ? since : now))
  }

  state.enis.sort((a, b) => a.deviceIndex - b.deviceIndex)
  anomalies.push(...settleModeLeftovers(state, prefixDelegation, podByIp))
  anomalies.push(...addressAnomalies(gather, datastore, podByIp))
  const pendingPods = gather.pods.filter((pod) => usesPool(pod) && pod.podIps.length === 0 && pod.phase === 'Pending').map(podKey)
  return {anomalies, interfaces, pendingPods, state}
}

function toEniState(eni: EniFacts, role: EniRole, excluded: boolean, cidrs: CidrState[], attachedAt: number): EniState {
  return {attachedAt, cidrs, deviceIndex: eni.deviceIndex, excluded, id: eni.id, primary: eni.primary, subnetId: eni.subnetId ?? '', trunk: role === 'trunk', ...(role === 'efa' ? {efa: true} : {})}
}

function cidrsOf(eni: EniFacts, assigned: Set<string>, cooling: Map<string, number>): CidrState[] {
  const secondary = eni.secondaryIps.map((ip) => ({
    assigned: assigned.has(ip) ? 1 : 0,
    coolingSince: cooling.has(ip) && !assigned.has(ip) ? [cooling.get(ip)!] : [],
    id: `${ip}/32`,
    prefix: false,
  }))
  const prefixes = eni.prefixes.map((prefix) => {
    const inside = (ip: string): boolean => cidrContains(prefix, ip)
    const held = [...assigned].filter(inside).length
    const coolingSince = [...cooling].filter(([ip]) => inside(ip) && !assigned.has(ip)).map(([, at]) => at).sort((a, b) => a - b)
    return {assigned: held, coolingSince, id: prefix, prefix: true}
  })
  return [...secondary, ...prefixes]
}

/** Addresses a pod gave back within IP_COOLDOWN_PERIOD (`<=`, as data_store.go compares), by address. */
function coolingTimes(datastore: DatastoreView | null, now: number, cooldownSeconds: number): Map<string, number> {
  const cooling = new Map<string, number>()
  for (const address of datastore?.addresses ?? []) {
    if (!address.assigned && address.unassignedAt !== null && now - address.unassignedAt <= cooldownSeconds) {
      cooling.set(address.address, address.unassignedAt)
    }
  }

  return cooling
}

function addressAnomalies(gather: NodeGather, datastore: DatastoreView | null, podByIp: Map<string, string>): DryRunAnomaly[] {
  const anomalies: DryRunAnomaly[] = []
  const onEni = (ip: string): boolean => gather.enis.some((eni) => eni.secondaryIps.includes(ip) || eni.prefixes.some((p) => cidrContains(p, ip)))
  for (const [ip, pod] of podByIp) {
    if (!onEni(ip)) anomalies.push({code: 'pod-ip-on-no-eni', detail: `${pod} has ${ip}, which no ENI of the instance holds`, subject: pod})
  }

  for (const address of datastore?.addresses ?? []) {
    if (!onEni(address.address)) {
      const detail = `${datastore!.kind} holds ${address.address}, which no ENI of the instance holds: a file from another node, or from before an ENI was freed`
      anomalies.push({code: 'datastore-ip-on-no-eni', detail, subject: address.address})
      continue
    }

    if (!address.assigned || podByIp.has(address.address)) continue
    const owner = address.pod ? ` to ${address.pod}` : ''
    anomalies.push({
      code: 'assigned-without-pod',
      detail: `${datastore!.kind} holds ${address.address} assigned${owner}, but no pod on the node has it: ipamd keeps it until aws-node restarts`,
      subject: address.address,
    })
  }

  return anomalies
}
