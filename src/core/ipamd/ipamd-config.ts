import type {InstanceTypeLimits} from '../instance-type.js'
import {ADDRESSES_PER_PREFIX} from './pool-state.js'

/** The aws-node settings the warm pool reads (pkg/ipamd/ipamd.go), already validated. */
export interface IpamdConfig {
  customNetworking: boolean
  ipCooldownSeconds: number
  /** MAX_ENI; -1 (unset) or values outside 1..ENILimit-1 mean the instance limit. */
  maxEni: number
  /** kubelet max pods: growth stops once the pool holds this many addresses. */
  maxPods: number
  minimumIpTarget: number
  /** ENABLE_PREFIX_DELEGATION as set; it takes effect only on Nitro or bare metal. */
  prefixDelegation: boolean
  /** ENABLE_POD_ENI: a trunk ENI takes one slot on trunk-capable types. */
  securityGroupsForPods: boolean
  warmEniTarget: number
  warmIpTarget: number
  warmPrefixTarget: number
}

/** The values the shipped aws-node manifest gives (config/master/aws-k8s-cni.yaml): WARM_PREFIX_TARGET is 1 there, 0 in the binary. */
export const MANIFEST_DEFAULTS: Omit<IpamdConfig, 'maxPods'> = {
  customNetworking: false,
  ipCooldownSeconds: 30,
  maxEni: -1,
  minimumIpTarget: 0,
  prefixDelegation: false,
  securityGroupsForPods: false,
  warmEniTarget: 1,
  warmIpTarget: 0,
  warmPrefixTarget: 1,
}

/** What ipamd derives from the instance type and the config (GetIPv4Limit, getMaxENI, IsPrefixDelegationSupported). */
export interface PoolLimits {
  /** Addresses a CIDR of the current mode holds: 16 with prefix delegation, else 1. */
  addressesPerCidr: number
  /** CIDRs (secondary IPs or prefixes) an ENI can carry: IPv4 per ENI minus the ENI's own primary. */
  cidrsPerEni: number
  maxEni: number
  /** maxIPsPerENI: the addresses of one full ENI. */
  maxIpsPerEni: number
  prefixDelegation: boolean
  /** Whether the type can carry a trunk; an unknown type counts as capable, as in ipamd. */
  trunkCapable: boolean
}

export function resolvePoolLimits(config: IpamdConfig, instance: InstanceTypeLimits): PoolLimits {
  const prefixDelegation = config.prefixDelegation && (instance.hypervisor === 'nitro' || instance.bareMetal)
  const cidrsPerEni = instance.ipv4PerEni - 1
  const addressesPerCidr = prefixDelegation ? ADDRESSES_PER_PREFIX : 1
  return {
    addressesPerCidr,
    cidrsPerEni,
    maxEni: config.maxEni >= 1 && config.maxEni < instance.eniLimit ? config.maxEni : instance.eniLimit,
    maxIpsPerEni: cidrsPerEni * addressesPerCidr,
    prefixDelegation,
    trunkCapable: instance.trunkCompatible !== false,
  }
}

/** warmIPTargetsDefined: either warm-IP variable non-zero switches ipamd to IP arithmetic. */
export const isWarmIpDefined = (config: IpamdConfig): boolean => config.warmIpTarget !== 0 || config.minimumIpTarget !== 0
