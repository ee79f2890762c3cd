import {type CniVersion, isAtLeast} from '../cni-version.js'
import type {Hypervisor, InstanceTypeLimits} from '../instance-type.js'

/** Prefix delegation arrived in v1.9.0; on bare metal (no "nitro" hypervisor reported) in v1.11.0 (cni-releases.json). */
export const PREFIX_DELEGATION_MIN_CNI = 'v1.9.0'
export const PREFIX_DELEGATION_BARE_METAL_MIN_CNI = 'v1.11.0'
/** A /28 prefix holds 16 addresses. */
export const ADDRESSES_PER_PREFIX = 16
/** Host-network pods (aws-node, kube-proxy) take no VPC address; eni-max-pods.txt allows two. */
export const HOST_NETWORK_PODS = 2
/** The EKS max-pods calculator's recommended ceilings: 110 up to 30 vCPUs, 250 above. */
export const CAP_SMALL = 110
export const CAP_LARGE = 250
export const CAP_VCPU_THRESHOLD = 30

export interface MaxPodsOptions {
  cniVersion: CniVersion
  customNetworking: boolean
  /** MAX_ENI; ipamd ignores values outside 1..eniLimit-1. */
  maxEni?: number
  noCap: boolean
  prefixDelegation: boolean
  securityGroupsForPods: boolean
}

export interface EniCount {
  /** ENIs across every network card. */
  allCards: number
  /** ENIs on the default network card. */
  defaultCard: number
  /** After MAX_ENI. */
  afterMaxEni: number
  customNetworkingReserved: number
  networkCards: number
  trunkReserved: number
  /** ENIs that carry pod addresses. */
  usable: number
}

export interface MaxPodsResult {
  addressesPerSlot: number
  bareMetal: boolean
  /** The calculator's ceiling; when the vCPU count is unknown, the smaller one (110), and capDerived is false. */
  cap: number
  /** False when the vCPU count is unknown, so the 110/250 choice could not be made from it. */
  capDerived: boolean
  enis: EniCount
  hypervisor: Hypervisor
  instanceType: string
  ipv4PerEni: number
  /** The recommended kubelet --max-pods: what plain output prints. */
  maxPods: number
  mode: 'prefix' | 'secondary-ip'
  /** Facts worth knowing that change nothing (network cards, missing data). */
  notes: string[]
  prefixDelegation: {effective: boolean; requested: boolean}
  slotsPerEni: number
  trunkCompatible: boolean | null
  /** The IP-limited value: usable ENIs × slots × addresses per slot + host-network pods. */
  uncappedMaxPods: number
  vcpus: null | number
  /** Where the result differs from what was asked (prefix fallback, no trunk). */
  warnings: MaxPodsWarning[]
}

export type MaxPodsWarningCode =
  | 'cap-unknown'
  | 'no-pod-enis'
  | 'prefix-bare-metal-cni-too-old'
  | 'prefix-cni-too-old'
  | 'prefix-not-nitro'
  | 'trunk-unavailable'
  | 'trunk-unknown'

export interface MaxPodsWarning {
  code: MaxPodsWarningCode
  message: string
}

function prefixDelegationBlocker(limits: InstanceTypeLimits, cniVersion: CniVersion): MaxPodsWarning | undefined {
  const name = limits.instanceType
  if (!isAtLeast(cniVersion, PREFIX_DELEGATION_MIN_CNI)) {
    return {
      code: 'prefix-cni-too-old',
      message: `CNI ${cniVersion.text} has no prefix delegation (needs ${PREFIX_DELEGATION_MIN_CNI}): ${name} uses secondary IPs`,
    }
  }

  if (limits.hypervisor === 'nitro') return undefined
  if (!limits.bareMetal) {
    return {
      code: 'prefix-not-nitro',
      message: `${name} is not a Nitro instance (hypervisor ${limits.hypervisor}): no prefix delegation, secondary IPs used`,
    }
  }

  if (!isAtLeast(cniVersion, PREFIX_DELEGATION_BARE_METAL_MIN_CNI)) {
    return {
      code: 'prefix-bare-metal-cni-too-old',
      message: `CNI ${cniVersion.text} has no prefix delegation on bare metal (needs ${PREFIX_DELEGATION_BARE_METAL_MIN_CNI}): ${name} uses secondary IPs`,
    }
  }

  return undefined
}

function countEnis(limits: InstanceTypeLimits, options: MaxPodsOptions, warnings: MaxPodsWarning[]): EniCount {
  const maxEni = options.maxEni
  const afterMaxEni = maxEni !== undefined && maxEni >= 1 && maxEni < limits.eniLimit ? maxEni : limits.eniLimit
  const customNetworkingReserved = options.customNetworking ? 1 : 0
  // As ipamd since v1.20.4 (hasRoomForEni): a trunk slot is kept unless the resource controller's table says the type
  // cannot carry one; a type missing from that table counts as trunk-capable.
  let trunkReserved = 0
  if (options.securityGroupsForPods) {
    if (limits.trunkCompatible === false) {
      warnings.push({
        code: 'trunk-unavailable',
        message: `${limits.instanceType} cannot carry a trunk ENI: no security groups for pods there, no ENI reserved`,
      })
    } else {
      trunkReserved = 1
      if (limits.trunkCompatible === null) {
        warnings.push({
          code: 'trunk-unknown',
          message: `${limits.instanceType} is not in the VPC resource controller's table: ipamd counts it as trunk-capable and keeps one ENI for the trunk`,
        })
      }
    }
  }

  const usable = Math.max(0, afterMaxEni - customNetworkingReserved - trunkReserved)
  if (usable === 0) {
    const reserved = [
      customNetworkingReserved ? 'custom networking takes the primary ENI' : '',
      trunkReserved ? 'security groups for pods take one for the trunk' : '',
    ].filter(Boolean).join(' and ')
    warnings.push({
      code: 'no-pod-enis',
      message: `${limits.instanceType}: no ENI carries pods (${afterMaxEni} ENI${afterMaxEni === 1 ? '' : 's'}${maxEni === afterMaxEni ? ' after MAX_ENI' : ''}; ${reserved}): ` +
        'only the host-network pods fit',
    })
  }
  return {
    afterMaxEni,
    allCards: limits.allCardsEniLimit,
    customNetworkingReserved,
    defaultCard: limits.eniLimit,
    networkCards: limits.networkCards,
    trunkReserved,
    usable,
  }
}

/** Max pods for one instance type: the IP-limited value (as ipamd can address) and the recommended kubelet value. */
export function computeMaxPods(limits: InstanceTypeLimits, options: MaxPodsOptions): MaxPodsResult {
  const warnings: MaxPodsWarning[] = []
  const notes: string[] = []
  const blocker = options.prefixDelegation ? prefixDelegationBlocker(limits, options.cniVersion) : undefined
  if (blocker) warnings.push(blocker)
  const prefixEffective = options.prefixDelegation && !blocker
  const enis = countEnis(limits, options, warnings)
  // Each ENI's own primary address is not handed to pods, so one slot fewer than its IPv4 limit.
  const slotsPerEni = limits.ipv4PerEni - 1
  const addressesPerSlot = prefixEffective ? ADDRESSES_PER_PREFIX : 1
  const uncappedMaxPods = enis.usable * slotsPerEni * addressesPerSlot + HOST_NETWORK_PODS
  // Without a vCPU count the smaller ceiling is the safe one: a 250 on a small node would overcommit it.
  const capDerived = limits.vcpus !== null
  const cap = limits.vcpus !== null && limits.vcpus > CAP_VCPU_THRESHOLD ? CAP_LARGE : CAP_SMALL
  if (!capDerived && !options.noCap) {
    warnings.push({
      code: 'cap-unknown',
      message: `vpccni's data has no vCPU count for ${limits.instanceType}, so the 110/250 cap cannot be derived: the smaller cap, ${CAP_SMALL}, is applied`,
    })
  }

  if (limits.networkCards > 1) {
    notes.push(
      `${limits.networkCards} network cards with ${limits.allCardsEniLimit} ENIs in all; ipamd uses only the default card's ${limits.eniLimit} ` +
        '(ENABLE_MULTI_NIC, v1.20.0+, adds ENIs on other cards only for pods that ask for them)',
    )
  }

  return {
    addressesPerSlot,
    bareMetal: limits.bareMetal,
    cap,
    capDerived,
    enis,
    hypervisor: limits.hypervisor,
    instanceType: limits.instanceType,
    ipv4PerEni: limits.ipv4PerEni,
    maxPods: options.noCap ? uncappedMaxPods : Math.min(uncappedMaxPods, cap),
    mode: prefixEffective ? 'prefix' : 'secondary-ip',
    notes,
    prefixDelegation: {effective: prefixEffective, requested: options.prefixDelegation},
    slotsPerEni,
    trunkCompatible: limits.trunkCompatible,
    uncappedMaxPods,
    vcpus: limits.vcpus,
    warnings,
  }
}
