import {UserError} from '../../errors.js'
import type {CniVersion} from '../cni-version.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {resolveInstanceTypes} from '../max-pods/resolve-instance-types.js'
import {checkSubnetCidrs} from './check-subnet-cidrs.js'
import {parseIpv4Cidr} from './cidr.js'
import type {PlanDraft, SubnetDraft} from './plan-draft.js'
import type {PlanInput, PlanSubnet} from './plan-input.js'

export interface AssembleOptions {
  /** --branch-pods-per-node: security groups for pods only. */
  branchPodsPerNode?: number
  churnPerHour: number
  cniVersion: CniVersion
  env: Record<string, string>
  findInstanceType: (name: string) => InstanceTypeLimits | undefined
  headroomPercent: number
  instanceTypeNames: () => string[]
  /** --max-pods: for groups that set none. */
  maxPods?: number
  /** --pods-per-node: for groups that give no count. */
  podsPerNode?: number
  settings: Omit<IpamdConfig, 'maxPods'>
}

const toSubnet = (draft: SubnetDraft, what: string): PlanSubnet => ({
  cidr: draft.cidr === null ? null : parseIpv4Cidr(draft.cidr, `${what} ${draft.name}`),
  freeNow: draft.freeNow ?? null,
  id: draft.id,
  name: draft.name,
  zone: draft.zone,
})

/** Checks a draft and turns it into the plan's input: types looked up, CIDRs parsed, every zone with its subnets. */
export function assemblePlanInput(draft: PlanDraft, options: AssembleOptions): {input: PlanInput; warnings: string[]} {
  const warnings = [...draft.warnings]
  if (draft.groups.length === 0) throw new UserError(`${draft.source}: no node groups to plan for`)
  if (draft.nodeSubnets.length === 0) throw new UserError(`${draft.source}: no subnets or zones for the nodes`, {hint: 'pass --subnet ZONE=CIDR or --zones N'})
  const nodeSubnets = draft.nodeSubnets.map((s) => toSubnet(s, 'subnet'))
  const podSubnets = draft.podSubnets.map((s) => toSubnet(s, 'pod subnet'))
  checkSubnetCidrs(nodeSubnets, podSubnets)
  const zones = new Set(nodeSubnets.map((s) => s.zone))
  const stray = podSubnets.find((s) => !zones.has(s.zone))
  if (stray) throw new UserError(`pod subnet ${stray.name}: zone ${stray.zone} has no node subnet`)
  if (options.settings.customNetworking && podSubnets.length > 0) {
    const bare = [...zones].find((zone) => !podSubnets.some((s) => s.zone === zone))
    if (bare) throw new UserError(`custom networking: zone ${bare} has no pod subnet (ENIConfig)`, {hint: `pass --pod-subnet ${bare}=CIDR`})
  }

  if (!options.settings.customNetworking && podSubnets.length > 0) warnings.push('pod subnets are used with custom networking only: ignored')
  const branchPodsPerNode = options.branchPodsPerNode ?? 0
  if (branchPodsPerNode > 0 && !options.settings.securityGroupsForPods) {
    throw new UserError('--branch-pods-per-node counts pods on branch ENIs: it needs security groups for pods', {hint: 'add --security-groups-for-pods (ENABLE_POD_ENI=true)'})
  }

  if (options.settings.securityGroupsForPods && branchPodsPerNode === 0) {
    warnings.push('security groups for pods: pods on branch ENIs take one subnet address each and are not counted; pass --branch-pods-per-node N')
  }

  const groups = draft.groups.map((g) => {
    const [instance] = resolveInstanceTypes([g.instanceTypes[0]], options.findInstanceType, options.instanceTypeNames)
    if (g.instanceTypes.length > 1) warnings.push(`${g.name} may launch ${g.instanceTypes.join(', ')}: planned as ${g.instanceTypes[0]}`)
    const unknown = g.subnets.find((name) => !nodeSubnets.some((s) => s.name === name))
    if (unknown) throw new UserError(`node group ${g.name}: subnet ${unknown} is not among the plan's subnets`)
    return {
      desired: g.desired, instance, max: g.max, maxPods: g.maxPods ?? options.maxPods ?? null, name: g.name,
      podsPerNode: g.podsPerNode ?? options.podsPerNode ?? null, subnets: g.subnets,
    }
  })

  return {
    input: {
      branchPodsPerNode, churnPerHour: options.churnPerHour, cniVersion: options.cniVersion, env: options.env, groups, headroomPercent: options.headroomPercent,
      nodeSubnets, podSubnets: options.settings.customNetworking ? podSubnets : [], settings: options.settings, source: draft.source,
    },
    warnings,
  }
}
