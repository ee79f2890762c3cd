import {describeModeWarnings} from '../ipamd/mode-warnings.js'
import {resolvePoolLimits} from '../ipamd/ipamd-config.js'
import {warmIpPairPitfalls} from '../warm-targets/warm-pitfalls.js'
import {type AlternativeRow, type AlternativeSpec, evaluateAlternative, fixedAlternatives} from './plan-alternatives.js'
import {choosePick, type PlanPick} from './choose-pick.js'
import type {GroupFigures, PlanFigures} from './plan-figures.js'
import type {PlanInput} from './plan-input.js'
import {warmTargetsAlternative} from './recommend-for-plan.js'
import {regroup, resolveGroups} from './resolve-groups.js'

export interface PlanResult extends PlanFigures {
  /** This plan first, then the alternatives whose settings differ from it. */
  alternatives: AlternativeRow[]
  /**
   * False when a subnet of known size cannot hold the plan at max size, or a live subnet has too few free addresses now
   * to grow to it (exit 1); null when no size is known.
   */
  fitsAtMax: boolean | null
  groups: Array<GroupFigures & {podsAssumed: boolean}>
  inputs: {
    churnPerHour: number
    env: Record<string, string>
    headroomPercent: number
    /** Where the node groups came from: `flags`, the ClusterConfig file, `EKS cluster NAME`, `snapshot DIR`. */
    origin: string
  }
  pick: PlanPick
  /**
   * What keeps the plan from running as given, beyond subnet sizes: pods that find no address under the plan's own
   * settings (more than the type addresses in this mode, MINIMUM_IP_TARGET alone, branch-ENI pods past the type's
   * branch interfaces). Any is exit 1.
   */
  problems: string[]
  schemaVersion: 1
  warnings: string[]
}

/** The addresses the cluster's subnets hold at desired and max size, under the plan's settings and the alternatives. */
export function buildPlan(input: PlanInput): PlanResult {
  const resolved = resolveGroups(input)
  const given: AlternativeSpec = {env: input.env, label: 'this plan', option: 'as-given', settings: input.settings}
  const {figures, row} = evaluateAlternative(input, given, resolved)
  const same = (spec: AlternativeSpec) => JSON.stringify(spec.settings) === JSON.stringify(input.settings)
  const others = [...fixedAlternatives(input), warmTargetsAlternative(input, resolved)]
    .sort((a, b) => ORDER.indexOf(a.option) - ORDER.indexOf(b.option))
  const rows = [row]
  for (const spec of others) {
    if (same(spec)) {
      if (row.sameAs.length === 0) row.label = `this plan = ${spec.label}`
      row.sameAs.push(spec.label)
    } else rows.push(evaluateAlternative(input, spec, regroup(input, spec.settings, resolved)).row)
  }

  const known = figures.subnets.filter((s) => s.fitsAtMax !== null || s.growthFitsNow !== null)
  return {
    ...figures,
    alternatives: rows,
    fitsAtMax: known.length === 0 ? null : known.every((s) => s.fitsAtMax !== false && s.growthFitsNow !== false),
    groups: figures.groups.map((g, i) => ({...g, podsAssumed: resolved[i].podsAssumed})),
    inputs: {churnPerHour: input.churnPerHour, env: input.env, headroomPercent: input.headroomPercent, origin: input.source},
    pick: choosePick(rows),
    problems: figures.groups.filter((g) => g.perNode.podsWithoutAddress > 0).map((g) =>
      `${g.name}: ${g.perNode.podsWithoutAddress} of ${g.podsPerNode + (input.branchPodsPerNode ?? 0)} pods per node find no address (${g.instanceType}, max pods ${g.maxPods})`),
    schemaVersion: 1,
    warnings: planWarnings(input, figures),
  }
}

const ORDER = ['default', 'warm-targets', 'prefix-delegation', 'custom-networking']

function planWarnings(input: PlanInput, figures: PlanFigures): string[] {
  const warnings = new Set<string>()
  for (const group of input.groups) {
    const limits = resolvePoolLimits({...input.settings, maxPods: 0}, group.instance)
    for (const w of describeModeWarnings({...input.settings, maxPods: 0}, group.instance, limits)) warnings.add(w)
  }

  for (const pitfall of warmIpPairPitfalls(input.settings)) if (pitfall.code === 'minimum-without-warm') warnings.add(pitfall.message)
  for (const g of figures.groups) {
    if (!g.perNode.settled) warnings.add(`${g.name}: the warm pool never settles under these settings (ENIs attached and freed in a loop): sized at the loop's high point`)
  }

  for (const s of figures.subnets) {
    if (s.prefixBlocks && s.prefixBlocks.leftAtMax !== null && s.prefixBlocks.neededAtMax > s.prefixBlocks.leftAtMax) {
      warnings.add(`${s.name}: ${s.prefixBlocks.neededAtMax} /28 prefixes needed at max size, at most ${s.prefixBlocks.leftAtMax} aligned blocks left`)
    }
  }

  return [...warnings]
}
