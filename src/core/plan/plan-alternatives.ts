import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../ipamd/ipamd-config.js'
import {modeEnv} from '../ipamd/parse-ipamd-settings.js'
import {HOST_NETWORK_PODS} from '../max-pods/compute-max-pods.js'
import {buildWorkload, WORKLOAD_SECONDS} from '../warm-targets/build-workload.js'
import type {Candidate} from '../warm-targets/candidate-settings.js'
import {defaultBurst} from '../warm-targets/check-workload.js'
import {evaluateCandidate} from '../warm-targets/evaluate-candidate.js'
import {EC2_BUDGET} from '../warm-targets/warm-pitfalls.js'
import {computePlanFigures, type PlanFigures, type ResolvedGroup} from './plan-figures.js'
import type {PlanInput} from './plan-input.js'
import {remember} from './plan-memo.js'

export type AlternativeOption = 'as-given' | 'custom-networking' | 'default' | 'prefix-delegation' | 'warm-targets'

/** The cluster at max size under one set of aws-node settings. */
export interface AlternativeRow {
  /** Addresses held in the node subnets (the scarce ones), at max size. */
  addressesNodeSubnets: number
  /** Addresses held in ENIConfig subnets (custom networking), at max size. */
  addressesPodSubnets: number
  /** Mutating EC2 calls per hour across the cluster at max size, over two hours of a rollout (25% of the pods) and the churn. */
  ec2CallsPerHour: number
  /** The aws-node variables this option sets. */
  env: Record<string, string>
  /** Within the EC2 budget, no pod waited, every group's pods fit its max pods. */
  feasible: boolean
  /** Whether the subnets (node subnets and the ENIConfig subnets given) hold it at max size; null when the node subnets' sizes are unknown. */
  fitsAtMax: boolean | null
  label: string
  maxPods: {max: number; min: number}
  option: AlternativeOption
  /** Pods that waited for an address during those two hours, across the cluster at max size. */
  podsWaited: number
  /** Why the option is not feasible, one reason each. */
  problems: string[]
  /** Every group's pods fit its max pods and find an address once the pool settles (they may still wait for one). */
  runsEveryPod: boolean
  /** Alternatives with exactly this row's settings, not listed again. */
  sameAs: string[]
}

export interface AlternativeSpec {
  env: Record<string, string>
  label: string
  option: AlternativeOption
  settings: Omit<IpamdConfig, 'maxPods'>
}

/** Settings every option keeps from the plan: security groups for pods is a workload choice, not a pool setting. */
const kept = (input: PlanInput) => ({...MANIFEST_DEFAULTS, securityGroupsForPods: input.settings.securityGroupsForPods})

/** An option's settings and the aws-node variables that give them: its mode's switches, then its warm targets. */
export function alternativeSpec(label: string, option: AlternativeOption, settings: AlternativeSpec['settings'], targets: Record<string, string>): AlternativeSpec {
  return {env: {...modeEnv(settings), ...targets}, label, option, settings}
}

export function fixedAlternatives(input: PlanInput): AlternativeSpec[] {
  return [
    alternativeSpec('default', 'default', kept(input), {WARM_ENI_TARGET: '1'}),
    alternativeSpec('prefix delegation', 'prefix-delegation', {...kept(input), prefixDelegation: true}, {WARM_PREFIX_TARGET: '1'}),
    alternativeSpec('custom networking', 'custom-networking', {...kept(input), customNetworking: true}, {}),
  ]
}

/** Runs one option over the plan: addresses from the demand model, EC2 calls and waits from the warm-targets evaluation. */
export function evaluateAlternative(input: PlanInput, spec: AlternativeSpec, groups: ResolvedGroup[]): {figures: PlanFigures; row: AlternativeRow} {
  const figures = computePlanFigures(input, spec.settings, groups)
  const problems: string[] = []
  let ec2CallsPerHour = 0
  let podsWaited = 0
  let runsEveryPod = true
  for (const {group, maxPods, pods} of groups) {
    if (pods > maxPods - HOST_NETWORK_PODS) {
      problems.push(`${group.name}: ${pods} pods per node + ${HOST_NETWORK_PODS} host-network pods exceed max pods ${maxPods}`)
      runsEveryPod = false
      continue
    }

    const config = {...spec.settings, maxPods}
    const candidate = {config, env: spec.env, isDefault: spec.option === 'default'}
    const metrics = evaluateGroup(input, candidate, {instance: group.instance, maxPods, nodes: group.max, pods})
    ec2CallsPerHour += metrics.ec2CallsPerHourCluster
    podsWaited += (metrics.podsWaited + metrics.podsWithoutAddress) * group.max
    if (metrics.ec2CallsPerHourPerNode > EC2_BUDGET.perHourPerNode) {
      problems.push(`${group.name}: ${Math.round(metrics.ec2CallsPerHourPerNode)} EC2 calls per hour per node`)
    }
  }

  for (const g of figures.groups) {
    const lost = g.perNode.podsWithoutAddress
    if (lost > 0 && g.podsPerNode <= g.maxPods - HOST_NETWORK_PODS) {
      problems.push(`${g.name}: ${lost} of ${g.podsPerNode} pods per node find no address (max pods ${g.maxPods})`)
      runsEveryPod = false
    }
  }

  if (podsWaited > 0) problems.push(`${podsWaited} pods waited for an address`)
  if (ec2CallsPerHour > EC2_BUDGET.perHourCluster) problems.push(`${Math.round(ec2CallsPerHour)} EC2 calls per hour across the cluster`)
  const nodeSubnets = figures.subnets.filter((s) => s.kind === 'node')
  const maxPodsList = groups.map((g) => g.maxPods)
  return {
    figures,
    row: {
      addressesNodeSubnets: nodeSubnets.reduce((n, s) => n + s.max.total, 0),
      addressesPodSubnets: figures.subnets.filter((s) => s.kind === 'pod').reduce((n, s) => n + s.max.total, 0),
      ec2CallsPerHour: Math.round(ec2CallsPerHour * 10) / 10,
      env: spec.env,
      feasible: problems.length === 0,
      fitsAtMax: fitsAtMax(figures),
      label: spec.label,
      maxPods: {max: Math.max(...maxPodsList), min: Math.min(...maxPodsList)},
      option: spec.option,
      podsWaited,
      problems,
      runsEveryPod,
      sameAs: [],
    },
  }
}

/**
 * Whether the subnets hold the option at max size: false when any subnet of known size does not, ENIConfig subnets the
 * user gave included; null when the node subnets' sizes are unknown. A pod subnet of unknown size (custom networking
 * without --pod-subnet) stands for a 100.64.0.0/10 secondary CIDR and holds it.
 */
function fitsAtMax(figures: PlanFigures): boolean | null {
  if (figures.subnets.some((s) => s.fitsAtMax === false)) return false
  return figures.subnets.some((s) => s.kind === 'node' && s.fitsAtMax === null) ? null : true
}

/**
 * warm-targets' default rollout (a quarter of the pods), within the room kubelet leaves: max pods counts the two
 * host-network pods, which take no address, so a full node has no room for more.
 */
export const rolloutBurst = (pods: number, maxPods: number): number => defaultBurst(pods, maxPods - HOST_NETWORK_PODS - pods)

/** One node of a group: its instance type, pods, max pods, and how many such nodes there are at max size. */
interface GroupNode {
  instance: ResolvedGroup['group']['instance']
  maxPods: number
  nodes: number
  pods: number
}

/** Two hours of one node of the group: its pods, a rollout of a quarter of them, and the plan's churn. Once per plan. */
export function evaluateGroup(input: PlanInput, candidate: Candidate, node: GroupNode) {
  const key = `evaluate ${node.instance.instanceType} ${node.pods} ${node.maxPods} ${node.nodes} ${JSON.stringify(candidate.config)}`
  return remember(input, key, () => {
    const limits = resolvePoolLimits(candidate.config, node.instance)
    const shape = {burst: rolloutBurst(node.pods, node.maxPods), churnPerMinute: input.churnPerHour / 60, peak: node.pods, pods: node.pods}
    return evaluateCandidate(candidate, {
      durationSeconds: WORKLOAD_SECONDS,
      events: buildWorkload(shape),
      limits,
      nodes: node.nodes,
      pods: node.pods,
      subnetFree: null,
      trunkAddresses: candidate.config.securityGroupsForPods && limits.trunkCapable ? 1 : 0,
    }).metrics
  })
}
