import {UserError} from '../../errors.js'
import type {PlanDraft, SubnetDraft} from './plan-draft.js'

/**
 * `--subnet` over the subnets a file or the cluster names, for a what-if. A group pinned to zones (eksctl availabilityZones
 * or subnets, an EKS node group's subnets) keeps its zones and takes the given subnets there; a pinned zone with no
 * subnet given is bad input, as it is without the override. Other groups spread over every subnet given. Zones of the
 * source that no subnet given covers are said, not dropped silently.
 */
export function overrideSubnets(draft: PlanDraft, subnets: SubnetDraft[]): PlanDraft {
  const zoneOf = new Map(draft.nodeSubnets.map((s) => [s.name, s.zone]))
  const given = new Set(subnets.map((s) => s.zone))
  const groups = draft.groups.map((g) => {
    if (!g.zonesPinned) return {...g, subnets: []}
    const zones = [...new Set(g.subnets.map((name) => zoneOf.get(name) ?? name))]
    const bare = zones.find((zone) => !given.has(zone))
    if (bare) throw new UserError(`node group ${g.name}: zone ${bare} has no subnet`, {hint: `pass --subnet ${bare}=CIDR, or unpin the group`})
    return {...g, subnets: subnets.filter((s) => zones.includes(s.zone)).map((s) => s.name)}
  })
  const dropped = [...new Set(draft.nodeSubnets.map((s) => s.zone))].filter((zone) => !given.has(zone))
  const warnings = dropped.length > 0
    ? [...draft.warnings, `--subnet replaces the subnets of ${draft.source}: zone${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} not planned`]
    : draft.warnings
  return {...draft, groups, nodeSubnets: subnets, warnings}
}
