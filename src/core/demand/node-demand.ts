import {type IpamdConfig, type PoolLimits, resolvePoolLimits} from '../ipamd/ipamd-config.js'
import {dependsOnPlacement, type FigureRange, ipamdOrderRuns, orderRange} from '../ipamd/ipamd-order.js'
import {snapshotPool} from '../ipamd/pool-snapshot.js'
import {simulateSteadyState} from '../ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../ipamd/simulate-workload.js'
import {ADDRESSES_PER_PREFIX} from '../ipamd/pool-state.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {createRandom} from '../seeded-random.js'
import {randomChurn, WORKLOAD_SECONDS} from '../warm-targets/build-workload.js'

/**
 * The one place that answers "how many subnet addresses does one node hold" (issue 14): `vpccni plan`
 * multiplies it by node counts, `vpccni doctor` compares it with live subnets. Pure: no I/O, no clock.
 */
export interface NodeDemandInput {
  /**
   * Security groups for pods: pods with a SecurityGroupPolicy, each on its own branch ENI of the trunk, which takes one
   * subnet address (ipamd-algorithm.md §9) and none of ipamd's pool. Not part of `pods`. 0 or absent: none.
   */
  branchPods?: number
  /** Replacement pods per hour on the node in steady state (each start replaces a pod); 0 or absent: none. */
  churnPerHour?: number
  /** aws-node settings and kubelet max pods, as the ipamd model takes them. */
  config: IpamdConfig
  instance: InstanceTypeLimits
  /** Pods on the node that take a VPC address: hostNetwork pods (aws-node, kube-proxy) do not. */
  pods: number
}

/** What one node takes from one subnet. Every figure is in addresses except `prefixes`. */
export interface SubnetDemand {
  /** Security groups for pods: one address per branch-ENI pod, in the trunk ENI's subnet. */
  branchAddresses: number
  /** Extra pool addresses held at the busiest moment of an hour of churn (released addresses cool down 30 s). */
  churnAddresses: number
  /** Primary addresses of the ENIs other than the primary ENI: secondary ENIs and a trunk ENI. */
  eniPrimaries: number
  /** The node's own address (the primary ENI's primary IP); 0 in the custom-networking pod subnet. */
  nodePrimary: number
  /** Addresses bound to pods. */
  podAddresses: number
  /** Prefix delegation: the /28 prefixes, each an aligned block of 16 the subnet must still have whole. 0 otherwise. */
  prefixes: number
  /** Everything above: nodePrimary + eniPrimaries + podAddresses + warmAddresses + churnAddresses + branchAddresses. */
  total: number
  /** Addresses held for pods but idle in the steady state (the warm pool). */
  warmAddresses: number
}

export interface NodeDemand {
  /** Branch-ENI pods that get no branch ENI: past the type's branch interfaces, or no trunk ENI (a type that has none). */
  branchPodsWithoutEni: number
  /** Attached ENIs at the churn peak (or the steady state), the primary included, a trunk ENI not. */
  enis: number
  maxPods: number
  mode: 'prefix' | 'secondary-ip'
  /** The subnet the node is launched in. Without custom networking, everything. */
  nodeSubnet: SubnetDemand
  /** Custom networking: the ENIConfig subnet, where ipamd creates the secondary ENIs (and the resource controller the trunk). */
  podSubnet: null | SubnetDemand
  /**
   * Pods that found no address once the pool settled: more than the node can address, or MINIMUM_IP_TARGET alone; and
   * branch-ENI pods past the type's branch interfaces or on a node without a trunk ENI (`branchPodsWithoutEni` of them).
   */
  podsWithoutAddress: number
  /**
   * Prefix delegation with WARM_PREFIX_TARGET ≥ 2 and no warm-IP targets: what the pool holds depends on where ipamd's
   * random order places pods. The figures are then the run that held most of IPAMD_ORDER_RUNS seeded runs (a subnet
   * sized for the median would be short on half the nodes); `packedIps` is the lower bound with pods packed. Null otherwise.
   */
  placement: null | {packedIps: number; runs: number; totalIps: FigureRange}
  /** False when the pool never stopped changing (a flapping configuration): the figures are the loop's high point. */
  settled: boolean
  /** A trunk ENI is attached (security groups for pods on a trunk-capable type). */
  trunk: boolean
}

const emptyDemand = (): SubnetDemand => ({
  branchAddresses: 0, churnAddresses: 0, eniPrimaries: 0, nodePrimary: 0, podAddresses: 0, prefixes: 0, total: 0, warmAddresses: 0,
})

const withTotal = (d: SubnetDemand): SubnetDemand => ({
  ...d,
  total: d.nodePrimary + d.eniPrimaries + d.podAddresses + d.warmAddresses + d.churnAddresses + d.branchAddresses,
})

/** The same replacements on every run: the figures are a plan's, not a dice roll's. */
const CHURN_SEED = 14
const SETTLED_AT = 10_000_000

/**
 * The pool's extra addresses and ENIs at the busiest moment of two hours of churn, from the settled state.
 * Each replacement starts before the pod it replaces has left (up to 10 s later, as warm-targets models it):
 * for that moment the node runs one pod more, and ipamd may grow.
 */
function churnPeak(input: NodeDemandInput, state: ReturnType<typeof simulateSteadyState>['state'], held: number, enis: number) {
  const perHour = input.churnPerHour ?? 0
  if (perHour <= 0) return {addresses: 0, enis: 0}
  const limits = resolvePoolLimits(input.config, input.instance)
  const events = randomChurn(createRandom(CHURN_SEED), perHour / 60, WORKLOAD_SECONDS)
  // The steady state's clock ran one settle per pod; start well after it so that every ENI is old and every cooldown over.
  const report = simulateWorkload({config: input.config, durationSeconds: WORKLOAD_SECONDS, events, limits, startAt: SETTLED_AT, state})
  return {addresses: Math.max(0, report.addresses.peakHeld - held), enis: Math.max(0, report.peakEnis - enis)}
}

/** The steady pool for the pods: packed, or where placement matters the fullest of ipamd's seeded random orders. */
function steadyPool(input: NodeDemandInput, limits: PoolLimits) {
  const packed = simulateSteadyState(input.config, limits, input.pods)
  if (!dependsOnPlacement(input.config, limits)) return {placement: null, steady: packed}
  const runs = ipamdOrderRuns(input.config, limits, input.pods)
  const fullest = runs.reduce((a, b) => (b.steadyState.totalIps > a.steadyState.totalIps ? b : a))
  const {runs: count, totalIps} = orderRange(runs.map((run) => run.steadyState))
  return {placement: {packedIps: packed.steadyState.totalIps, runs: count, totalIps}, steady: fullest}
}

/**
 * A node's address demand, split by the subnet it comes from. The pool is ipamd's steady state for the
 * pods (simulateSteadyState: pods packed onto the lowest ENI, or the fullest of ipamd's random orders where that
 * changes the pool); churn adds what the pool grows to under it.
 * Under custom networking the primary ENI stays in the node subnet with its one address and no pods; the
 * secondary ENIs, their pod addresses and the trunk ENI are in the ENIConfig subnet.
 */
export function computeNodeDemand(input: NodeDemandInput): NodeDemand {
  const limits = resolvePoolLimits(input.config, input.instance)
  const {placement, steady} = steadyPool(input, limits)
  // A pool that never settles is sized at the flap's high point: the subnet must have those addresses each time.
  const end = snapshotPool(steady.state, limits)
  const pool = steady.flapPeak && steady.flapPeak.totalIps > end.totalIps ? steady.flapPeak : end
  const trunk = steady.state.enis.some((eni) => eni.trunk)
  const extra = churnPeak(input, steady.state, pool.totalIps, pool.enis)
  const enis = pool.enis + extra.enis
  const held = pool.totalIps + extra.addresses
  // Branch ENIs come from the trunk's subnet, up to the type's branch interfaces (the resource controller's limit).
  const branchWanted = input.branchPods ?? 0
  const branches = trunk ? Math.min(branchWanted, input.instance.branchInterfaces ?? branchWanted) : 0
  const pods: SubnetDemand = {
    ...emptyDemand(),
    branchAddresses: branches,
    churnAddresses: extra.addresses,
    eniPrimaries: enis - 1 + (trunk ? 1 : 0),
    podAddresses: pool.assignedIps,
    prefixes: limits.prefixDelegation ? Math.ceil(held / ADDRESSES_PER_PREFIX) : 0,
    warmAddresses: pool.idleIps,
  }
  const common = {
    enis,
    maxPods: input.config.maxPods,
    mode: limits.prefixDelegation ? ('prefix' as const) : ('secondary-ip' as const),
    placement,
    branchPodsWithoutEni: branchWanted - branches,
    podsWithoutAddress: steady.podsWithoutAddress + branchWanted - branches,
    settled: steady.settled,
    trunk,
  }
  if (!input.config.customNetworking) return {...common, nodeSubnet: withTotal({...pods, nodePrimary: 1}), podSubnet: null}
  return {...common, nodeSubnet: withTotal({...emptyDemand(), nodePrimary: 1}), podSubnet: withTotal(pods)}
}

/** Adds `count` nodes' demand to a running sum (per subnet, per zone, in total). Mutates `sum`. */
export function addDemand<T extends SubnetDemand>(sum: T, demand: SubnetDemand, count: number): T {
  for (const key of DEMAND_KEYS) sum[key] += demand[key] * count
  return sum
}

/** The figures of a SubnetDemand: a sum may carry more keys of its own (a node count), which addDemand leaves alone. */
const DEMAND_KEYS = Object.keys(emptyDemand()) as Array<keyof SubnetDemand>

export {emptyDemand as emptySubnetDemand}
