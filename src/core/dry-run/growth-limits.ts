import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import {describeMinimumOnlyFreeze} from '../ipamd/mode-warnings.js'
import {describeEniSlots, hasRoomForEni} from '../ipamd/plan-growth.js'
import {snapshotPool} from '../ipamd/pool-snapshot.js'
import {ADDRESSES_PER_PREFIX, type PoolState} from '../ipamd/pool-state.js'
import type {SubnetFacts} from './node-facts.js'
import type {TimedAction} from './project-pool.js'
import {actionDemand, type SubnetBudget} from './subnet-budget.js'

/** What bounds the pool's growth, and whether the projection reaches it. */
export interface GrowthLimit {
  detail: string
  kind: 'eni-limit' | 'max-pods' | 'minimum-ip-target' | 'new-eni-subnet' | 'subnet-free-ips' | 'subnet-free-prefixes'
  limit: number
  reached: boolean
  /** The ENI slots, addresses or /28s the projected pool uses or asks for. */
  used: number
}

/** Addresses the projected actions, and the growth EC2 refuses, take from each subnet. */
function demandBySubnet(state: PoolState, actions: TimedAction[], budget: SubnetBudget, limits: PoolLimits): Map<string, number> {
  const demand = new Map<string, number>()
  for (const {action} of actions) {
    const one = actionDemand(state, action, budget, limits)
    if (one) demand.set(one.subnetId, (demand.get(one.subnetId) ?? 0) + one.addresses)
  }

  return demand
}

/** ENI slots, max pods, and the free addresses (or, in PD mode, /28s) of the subnets growth draws from. */
export function describeGrowthLimits(
  initial: PoolState,
  projected: PoolState,
  actions: TimedAction[],
  context: {config: IpamdConfig; limits: PoolLimits; newEniSubnet: string; noNewEni: null | string; podsLeftWaiting: number; subnets: SubnetFacts[]},
): GrowthLimit[] {
  const {config, limits} = context
  const slots = describeEniSlots(projected, config, limits)
  const full = !hasRoomForEni(projected, config, limits)
  const held = snapshotPool(projected, limits).totalIps
  const result: GrowthLimit[] = [
    {detail: slots.detail, kind: 'eni-limit', limit: limits.maxEni, reached: full, used: slots.taken},
    {
      detail: `the pool holds ${held} addresses for max pods ${config.maxPods}${held >= config.maxPods ? ': ipamd grows no further' : ''}`,
      kind: 'max-pods',
      limit: config.maxPods,
      reached: held >= config.maxPods,
      used: held,
    },
  ]
  const budget = {free: new Map<string, number>(), newEniSubnet: context.newEniSubnet}
  const freeze = describeMinimumOnlyFreeze(config)
  if (freeze) {
    // Reached when pods are left waiting: the pool would have grown for them under any WARM_IP_TARGET.
    const detail = `${freeze}: ${held} addresses held`
    result.push({detail, kind: 'minimum-ip-target', limit: config.minimumIpTarget, reached: context.podsLeftWaiting > 0, used: held})
  }

  if (context.noNewEni) {
    const wanted = actions.filter(({action}) => action.kind === 'attach-eni').length
    result.push({detail: context.noNewEni, kind: 'new-eni-subnet', limit: 0, reached: wanted > 0, used: wanted})
  }

  const demand = demandBySubnet(initial, actions, budget, limits)
  for (const subnetId of new Set([context.newEniSubnet, ...demand.keys()])) {
    const free = context.subnets.find((s) => s.subnetId === subnetId)?.availableIpAddressCount
    if (free === null || free === undefined) continue
    const wanted = demand.get(subnetId) ?? 0
    if (limits.prefixDelegation) {
      // AvailableIpAddressCount does not say how fragmented the subnet is: free /28s are at most free / 16.
      const prefixes = Math.floor(free / ADDRESSES_PER_PREFIX)
      const wantedPrefixes = Math.ceil(wanted / ADDRESSES_PER_PREFIX)
      const reached = wantedPrefixes > prefixes
      const detail = `${subnetId}: at most ${prefixes} free /28s (${free} free addresses), the projection asks for ${wantedPrefixes}`
      result.push({detail, kind: 'subnet-free-prefixes', limit: prefixes, reached, used: wantedPrefixes})
    } else {
      const detail = `${subnetId}: ${free} free addresses, the projection asks for ${wanted}`
      result.push({detail, kind: 'subnet-free-ips', limit: free, reached: wanted > free, used: wanted})
    }
  }

  return result
}
