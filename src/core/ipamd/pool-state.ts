/**
 * A node's warm pool as ipamd's datastore holds it: plain data, so a live node's state can be
 * read into it, serialised and replayed. Times are seconds on the caller's clock.
 */
export interface CidrState {
  /** Number of addresses in the CIDR bound to a pod. */
  assigned: number
  /** When each currently unassigned address was released by a pod; expired entries are ignored. */
  coolingSince: number[]
  /** The CIDR (`10.0.1.7/32`, `10.0.2.16/28`) or any stable label. */
  id: string
  /** A /28 prefix (16 addresses) rather than a /32 secondary IP. */
  prefix: boolean
}

export interface EniState {
  /** When the ENI was attached; ipamd never frees an ENI younger than 60 s. */
  attachedAt: number
  cidrs: CidrState[]
  deviceIndex: number
  /**
   * An EFA ENI (InterfaceType efa, an EFA device with an ENA one): it carries pod addresses like any other, but ipamd
   * never frees it (getDeletableENI, CheckFreeableENIexists). Absent: not EFA. EFA-only ENIs are not in the pool (unmanagedEnis).
   */
  efa?: boolean
  /** On a subnet tagged `kubernetes.io/role/cni=0`: never given pod addresses (IsExcludedForPodIPs). */
  excluded: boolean
  id: string
  primary: boolean
  subnetId: string
  trunk: boolean
}

export interface PoolState {
  enis: EniState[]
  /**
   * The last growth call that failed with InsufficientCidrBlocks or InsufficientFreeAddressesInSubnet: ipamd tries no
   * growth for 120 s after it. Null or absent: none. The simulator never sets it (it has no subnet); a live node's state may.
   */
  insufficientCidrAt?: null | number
  /** The last IP/prefix release; ipamd releases at most once every 30 s. Null: never. */
  lastDecreaseAt: null | number
  /** ENIs ipamd does not manage (tagged no_manage, EFA-only, untagged with MANAGE_UNTAGGED_ENI=false). */
  unmanagedEnis: number
  /** The device indexes those unmanaged ENIs take on the instance's first network card: a new ENI skips them. Absent: none known. */
  unmanagedDeviceIndexes?: number[]
}

export const ADDRESSES_PER_PREFIX = 16

export const cidrSize = (cidr: CidrState): number => (cidr.prefix ? ADDRESSES_PER_PREFIX : 1)

/** inCoolingPeriod: an address is cooling up to and including the moment its cooldown ends (`<=`, data_store.go). */
export function activeCooling(cidr: CidrState, now: number, cooldownSeconds: number): number {
  let n = 0
  for (const t of cidr.coolingSince) if (now - t <= cooldownSeconds) n++
  return n
}

/**
 * The latest moment the state records (an attachment, a release, a pod's address freed). A run on this
 * state must start no earlier: a clock that went back would make ENIs younger than they are.
 */
export function latestTime(state: PoolState): number {
  let latest = Math.max(state.lastDecreaseAt ?? 0, state.insufficientCidrAt ?? 0)
  for (const eni of state.enis) {
    latest = Math.max(latest, eni.attachedAt)
    for (const cidr of eni.cidrs) for (const t of cidr.coolingSince) latest = Math.max(latest, t)
  }

  return latest
}

/** A fresh node: the primary ENI (device 0) without secondary addresses, plus a trunk ENI when one is attached. */
export function createInitialState(options: {now: number; subnetId?: string; trunk: boolean}): PoolState {
  const subnetId = options.subnetId ?? 'subnet-node'
  const eni = (deviceIndex: number, trunk: boolean): EniState => ({
    attachedAt: options.now,
    cidrs: [],
    deviceIndex,
    excluded: false,
    id: `eni-${deviceIndex}`,
    primary: deviceIndex === 0,
    subnetId,
    trunk,
  })
  return {enis: options.trunk ? [eni(0, false), eni(1, true)] : [eni(0, false)], lastDecreaseAt: null, unmanagedEnis: 0}
}
