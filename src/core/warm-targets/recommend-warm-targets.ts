import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import {resolvePoolLimits} from '../ipamd/ipamd-config.js'
import {describeModeWarnings} from '../ipamd/mode-warnings.js'
import type {PodEvent} from '../ipamd/workload.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {type ApplySnippets, buildApplySnippets} from './apply-snippets.js'
import {buildWorkload, WORKLOAD_SECONDS, type WorkloadShape} from './build-workload.js'
import {currentCandidate, listCandidates, withCurrent} from './candidate-settings.js'
import {type CandidateMetrics, type Evaluation, evaluateCandidate} from './evaluate-candidate.js'
import {compareEvaluations, type FailedConstraint, failedConstraints, isFeasible} from './rank-evaluations.js'
import {EC2_BUDGET, findPitfalls, modePitfalls, type Pitfall} from './warm-pitfalls.js'

export interface WarmTargetsInput {
  base: IpamdConfig
  instance: InstanceTypeLimits
  nodes: number
  /** The aws-node variables given with --set: a warm setting among them is compared as the current one. */
  setEnv?: Record<string, string>
  shape: WorkloadShape
  subnetFree: null | number
  /** Where subnetFree came from (a flag, live EC2, a snapshot), to name it when the subnet is too small. */
  subnetFreeFrom?: string
  trace?: {durationSeconds: number; events: PodEvent[]; name: string}
}

export interface WarmTargetsRow {
  /** The aws-node variables, as strings, exactly as they go into the DaemonSet. */
  env: Record<string, string>
  /** The constraints this setting fails (none: feasible). */
  fails: FailedConstraint[]
  /** No pod waited and EC2 calls stayed under the budget. */
  feasible: boolean
  /** The user's own warm setting (--set), simulated as given. */
  isCurrent: boolean
  isDefault: boolean
  metrics: CandidateMetrics
  pitfalls: Pitfall[]
}

export interface WarmTargetsResult {
  alternatives: WarmTargetsRow[]
  budget: typeof EC2_BUDGET
  candidatesTried: number
  inputs: WorkloadShape & {instanceType: string; maxPods: number; mode: 'prefix' | 'secondary-ip'; nodes: number; subnetFree: null | number}
  pitfalls: Pitfall[]
  /** Set when the subnet's free addresses do not hold one node at the recommended setting: the command exits 1. */
  problem: null | string
  recommendation: WarmTargetsRow & {apply: ApplySnippets; reason: string}
  schemaVersion: 1
  warnings: string[]
  workload: {description: string; durationSeconds: number}
}

function toRow(e: Evaluation, prefixDelegation: boolean): WarmTargetsRow {
  const {candidate, metrics} = e
  const pitfalls = findPitfalls(candidate.config, metrics, prefixDelegation)
  return {
    env: candidate.env, fails: failedConstraints(e), feasible: isFeasible(e), isCurrent: candidate.isCurrent ?? false, isDefault: candidate.isDefault, metrics, pitfalls,
  }
}

/** The default, two runners-up, and the leanest setting that fails (what the recommendation's extra IPs buy). */
function pickAlternatives(ranked: Evaluation[]): Evaluation[] {
  const [best, ...rest] = ranked
  const picked = rest.filter((e) => e.candidate.isDefault || e.candidate.isCurrent)
  // A setting that behaves exactly like one already shown adds nothing to the trade-off.
  const same = (a: Evaluation, b: Evaluation) =>
    a.metrics.idleIpsPerNode === b.metrics.idleIpsPerNode && a.metrics.ec2CallsPerHourPerNode === b.metrics.ec2CallsPerHourPerNode
  for (const e of rest) {
    if (picked.length >= 3) break
    if (isFeasible(e) && !picked.includes(e) && ![best, ...picked].some((shown) => same(e, shown))) picked.push(e)
  }

  const leaner = rest.filter((e) => !isFeasible(e) && e.metrics.idleIpsPerNode < best.metrics.idleIpsPerNode - 0.05)
  leaner.sort((a, b) => b.metrics.idleIpsPerNode - a.metrics.idleIpsPerNode)
  if (leaner[0] && !picked.includes(leaner[0])) picked.push(leaner[0])
  return picked
}

function describeReason(best: Evaluation): string {
  const m = best.metrics
  if (!isFeasible(best)) {
    return (
      'no setting tried kept every pod from waiting within the EC2 budget; ' +
      `this one does best (${m.podsWaited} waited, ${m.podsWithoutAddress} got no address)`
    )
  }

  // Settings that fail a constraint may idle fewer addresses: "fewest" is among those that meet them all.
  return (
    `fewest idle IPs (${m.idleIpsPerNode.toFixed(1)} per node on average) of the settings that keep every pod from waiting ` +
    `for an address within the EC2 budget; ${m.ec2CallsPerHourPerNode.toFixed(1)} EC2 calls per hour per node`
  )
}

/** Simulates every candidate setting on the workload and recommends the leanest one that keeps pods from waiting. */
export function recommendWarmTargets(input: WarmTargetsInput): WarmTargetsResult {
  const limits = resolvePoolLimits(input.base, input.instance)
  const events = input.trace?.events ?? buildWorkload(input.shape)
  const durationSeconds = input.trace?.durationSeconds ?? WORKLOAD_SECONDS
  const context = {
    durationSeconds, events, limits, nodes: input.nodes, pods: input.shape.pods, subnetFree: input.subnetFree,
    trunkAddresses: input.base.securityGroupsForPods && limits.trunkCapable ? 1 : 0,
  }
  const current = currentCandidate(input.base, input.setEnv ?? {})
  const candidates = withCurrent(listCandidates(input.base, limits, input.shape), current)
  const ranked = candidates.map((c) => evaluateCandidate(c, context)).sort(compareEvaluations)
  const best = ranked[0]
  const env = limits.prefixDelegation ? {ENABLE_PREFIX_DELEGATION: 'true', ...best.candidate.env} : best.candidate.env
  const recommendation = {...toRow(best, limits.prefixDelegation), apply: buildApplySnippets(env), env, reason: describeReason(best)}
  return {
    alternatives: pickAlternatives(ranked).map((e) => toRow(e, limits.prefixDelegation)),
    budget: EC2_BUDGET,
    candidatesTried: candidates.length,
    inputs: {
      ...input.shape,
      instanceType: input.instance.instanceType,
      maxPods: input.base.maxPods,
      mode: limits.prefixDelegation ? 'prefix' : 'secondary-ip',
      nodes: input.nodes,
      subnetFree: input.subnetFree,
    },
    pitfalls: [...recommendation.pitfalls, ...modePitfalls(limits.prefixDelegation, best.candidate.config)],
    problem: describeSubnetProblem(input, recommendation.metrics),
    recommendation,
    schemaVersion: 1,
    warnings: [
      ...describeModeWarnings(input.base, input.instance, limits),
      ...(current
        ? [`--set ${Object.entries(current.env).map(([n, v]) => `${n}=${v}`).join(' ')} is what warm-targets tunes: it is simulated as given and shown as the current row, not kept in the other candidates`]
        : []),
    ],
    workload: {description: describeWorkload(input), durationSeconds},
  }
}

function describeSubnetProblem(input: WarmTargetsInput, metrics: CandidateMetrics): null | string {
  if (input.subnetFree === null || metrics.nodesUntilSubnetFull !== 0) return null
  const from = input.subnetFreeFrom ? `, from ${input.subnetFreeFrom}` : ''
  return (
    `not one node fits in the subnet: ${input.subnetFree} free address${input.subnetFree === 1 ? '' : 'es'}${from}, ` +
    `while a node takes ${metrics.subnetIpsPerNode} at its peak with the recommended setting`
  )
}

function describeWorkload(input: WarmTargetsInput): string {
  if (input.trace) return `trace ${input.trace.name}, from ${input.shape.pods} running pods`
  const s = input.shape
  const assumed = s.burstAssumed ? '; assumed: 25% of --pods, the default maxSurge of a rollout, pass --burst to change it' : ''
  // Only what happens: no "burst of 0", no "ramp" to the pods already running.
  const parts = [
    s.burst > 0 ? `a burst of ${s.burst} at 10 min (gone 10 min later${assumed})` : `no burst${assumed ? ` (${assumed.slice(2)})` : ''}`,
    s.peak > s.pods ? `a ramp to ${s.peak} from 1 h` : 'no ramp (the peak is the steady pods)',
    s.churnPerMinute > 0 ? `${s.churnPerMinute} pod start${s.churnPerMinute === 1 ? '' : 's'} per minute` : 'no churn',
  ]
  return `2 h from ${s.pods} running pods: ${parts.join(', ')}`
}
