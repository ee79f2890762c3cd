import type {PoolLimits} from '../ipamd/ipamd-config.js'
import {simulateSteadyState} from '../ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../ipamd/simulate-workload.js'
import type {PodEvent} from '../ipamd/workload.js'
import type {Candidate} from './candidate-settings.js'

/** What one setting costs on one node, and across the cluster. */
export interface CandidateMetrics {
  ec2CallsPerHourCluster: number
  ec2CallsPerHourPerNode: number
  /** Time-weighted mean of addresses held but not assigned. */
  idleIpsCluster: number
  idleIpsPerNode: number
  longestWaitSeconds: number
  /** Nodes the subnet's free addresses cover at this setting's peak use; null without --subnet-free. */
  nodesUntilSubnetFull: null | number
  peakHeldIpsPerNode: number
  podsWaited: number
  podsWithoutAddress: number
  /** Peak subnet addresses a node takes: pod addresses plus each ENI's own primary address. */
  subnetIpsPerNode: number
}

export interface Evaluation {
  candidate: Candidate
  metrics: CandidateMetrics
}

export interface EvaluationContext {
  durationSeconds: number
  events: PodEvent[]
  limits: PoolLimits
  nodes: number
  pods: number
  subnetFree: null | number
  /** A trunk ENI's primary address, with security groups for pods. */
  trunkAddresses: number
}

/** Settles the steady pods, then runs the workload; the cost is per node, scaled by the node count. */
export function evaluateCandidate(candidate: Candidate, context: EvaluationContext): Evaluation {
  const steady = simulateSteadyState(candidate.config, context.limits, context.pods)
  const report = simulateWorkload({
    config: candidate.config,
    durationSeconds: context.durationSeconds,
    events: context.events,
    limits: context.limits,
    state: steady.state,
    startAt: steady.now,
  })
  const hours = context.durationSeconds / 3600
  const perHour = report.ec2CallsTotal / hours
  const subnetIpsPerNode = report.addresses.peakHeld + report.peakEnis + context.trunkAddresses
  return {
    candidate,
    metrics: {
      ec2CallsPerHourCluster: perHour * context.nodes,
      ec2CallsPerHourPerNode: perHour,
      idleIpsCluster: report.addresses.averageIdle * context.nodes,
      idleIpsPerNode: report.addresses.averageIdle,
      longestWaitSeconds: report.pods.waitSecondsMax,
      nodesUntilSubnetFull: context.subnetFree === null ? null : Math.floor(context.subnetFree / subnetIpsPerNode),
      peakHeldIpsPerNode: report.addresses.peakHeld,
      podsWaited: report.pods.waited,
      podsWithoutAddress: report.pods.neverPlaced + steady.podsWithoutAddress,
      subnetIpsPerNode,
    },
  }
}
