import type {IpamdAction} from '../ipamd/ipamd-action.js'
import type {PoolLimits} from '../ipamd/ipamd-config.js'
import {ADDRESSES_PER_PREFIX, type PoolState} from '../ipamd/pool-state.js'

/**
 * The free addresses left in each subnet the pool grows into, as the projection spends them. EC2 refuses a whole
 * AssignPrivateIpAddresses or CreateNetworkInterface call the subnet cannot fill (InsufficientFreeAddressesInSubnet,
 * or InsufficientCidrBlocks for a /28): it never gives part of the count.
 */
export interface SubnetBudget {
  /** Free addresses by subnet id; a subnet not listed is not known and never refuses. */
  free: Map<string, number>
  newEniSubnet: string
  /** Why no ENI can be created (its ENIConfig or subnet does not exist); null when one can. */
  noNewEni?: null | string
}

/** The subnet an action draws from, and the addresses it takes (a new ENI's own primary address included). */
export function actionDemand(state: PoolState, action: IpamdAction, budget: SubnetBudget, limits: PoolLimits): null | {addresses: number; subnetId: string} {
  if (action.kind === 'assign') {
    const subnetId = state.enis.find((e) => e.id === action.eniId)?.subnetId ?? budget.newEniSubnet
    return {addresses: action.count * limits.addressesPerCidr, subnetId}
  }

  if (action.kind === 'attach-eni') return {addresses: 1 + action.count * limits.addressesPerCidr, subnetId: budget.newEniSubnet}
  return null
}

/** Why EC2 refuses a growth call; `freeze`: ipamd then grows no more for 120 s (InsufficientCidrBlocks and the like). */
export interface Refusal {
  freeze: boolean
  why: string
}

/**
 * Why EC2 would refuse the action, or null when the subnet can fill it. In PD mode the count of free /28s is at most
 * free / 16: AvailableIpAddressCount does not say how fragmented the subnet is.
 */
export function refusal(state: PoolState, action: IpamdAction, budget: SubnetBudget, limits: PoolLimits): null | Refusal {
  if (action.kind === 'attach-eni' && budget.noNewEni) return {freeze: false, why: budget.noNewEni}
  const demand = actionDemand(state, action, budget, limits)
  const free = demand && budget.free.get(demand.subnetId)
  if (!demand || free === undefined || free === null) return null
  if (limits.prefixDelegation) {
    const prefixes = Math.floor(Math.max(0, free - (action.kind === 'attach-eni' ? 1 : 0)) / ADDRESSES_PER_PREFIX)
    const wanted = Math.ceil((demand.addresses - (action.kind === 'attach-eni' ? 1 : 0)) / ADDRESSES_PER_PREFIX)
    if (wanted <= prefixes) return null
    return {freeze: true, why: `${demand.subnetId} has at most ${prefixes} free /28s (${free} free addresses): EC2 refuses ${wanted} (InsufficientCidrBlocks)`}
  }

  if (demand.addresses <= free) return null
  return {freeze: true, why: `${demand.subnetId} has ${free} free addresses: EC2 refuses ${demand.addresses} (InsufficientFreeAddressesInSubnet)`}
}

/** Takes an applied action's addresses from its subnet. */
export function spend(state: PoolState, action: IpamdAction, budget: SubnetBudget, limits: PoolLimits): void {
  const demand = actionDemand(state, action, budget, limits)
  const free = demand && budget.free.get(demand.subnetId)
  if (demand && free !== undefined && free !== null) budget.free.set(demand.subnetId, free - demand.addresses)
}
