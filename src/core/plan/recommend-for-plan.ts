import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import {recommendWarmTargets} from '../warm-targets/recommend-warm-targets.js'
import {alternativeSpec, type AlternativeSpec, evaluateAlternative, rolloutBurst} from './plan-alternatives.js'
import {computePlanFigures, type ResolvedGroup} from './plan-figures.js'
import type {PlanInput} from './plan-input.js'
import {regroup} from './resolve-groups.js'

const TARGET_FIELDS: Record<string, 'minimumIpTarget' | 'warmEniTarget' | 'warmIpTarget' | 'warmPrefixTarget'> = {
  MINIMUM_IP_TARGET: 'minimumIpTarget',
  WARM_ENI_TARGET: 'warmEniTarget',
  WARM_IP_TARGET: 'warmIpTarget',
  WARM_PREFIX_TARGET: 'warmPrefixTarget',
}

function applyTargets(settings: Omit<IpamdConfig, 'maxPods'>, env: Record<string, string>): Omit<IpamdConfig, 'maxPods'> {
  const next = {...settings}
  for (const [name, value] of Object.entries(env)) if (TARGET_FIELDS[name]) next[TARGET_FIELDS[name]] = Number(value)
  return next
}

/**
 * The warm-targets recommendation for the cluster, in the plan's own mode. aws-node settings are cluster-wide, so each
 * node group's recommendation (`vpccni warm-targets` for its type and pods, at its max size) is tried on every group, and
 * the one that holds the fewest addresses with no pod waiting and EC2 calls within budget wins; the largest group's otherwise.
 */
export function warmTargetsAlternative(input: PlanInput, base: ResolvedGroup[]): AlternativeSpec {
  const coarse = {...input.settings, minimumIpTarget: 0, warmIpTarget: 0}
  const bySize = [...base].sort((a, b) => b.group.max - a.group.max)
  const specs = new Map<string, AlternativeSpec>()
  for (const {group, maxPods, pods} of bySize) {
    const result = recommendWarmTargets({
      base: {...coarse, maxPods},
      instance: group.instance,
      nodes: Math.max(1, group.max),
      shape: {burst: rolloutBurst(pods, maxPods), churnPerMinute: input.churnPerHour / 60, peak: pods, pods},
      subnetFree: null,
    })
    const env = result.recommendation.env
    const key = JSON.stringify(env)
    if (!specs.has(key)) specs.set(key, alternativeSpec('warm-targets', 'warm-targets', applyTargets(coarse, env), env))
  }

  const candidates = [...specs.values()]
  if (candidates.length === 1) return candidates[0]
  // Fewest addresses first (the steady state alone); the first that is feasible on every group wins. Trying them in
  // that order spares the two-hour workload runs of the rest.
  const held = (spec: AlternativeSpec) => computePlanFigures(input, spec.settings, regroup(input, spec.settings, base)).total.max.total
  const ranked = candidates.map((spec) => ({held: held(spec), spec})).sort((a, b) => a.held - b.held)
  const feasible = ranked.find(({spec}) => evaluateAlternative(input, spec, regroup(input, spec.settings, base)).row.feasible)
  return (feasible ?? {spec: candidates[0]}).spec
}
