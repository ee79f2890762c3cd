import type {PoolLimits} from './ipamd-config.js'
import type {PodAddress} from './place-pod.js'
import {countCidr, emptyPoolStats, finishPoolStats, isCurrentMode, type PoolStats} from './pool-stats.js'
import type {PoolState} from './pool-state.js'

/**
 * The figures a reconcile reads, kept up to date pod by pod: walking every CIDR on each of millions
 * of reconciles was most of a long simulation's time. Pods change only `assigned`; EC2 actions change
 * the CIDRs and ENIs, and after each of those `recount` starts again from the state.
 */
export class PoolTally {
  /** computePoolStats of the state, always. Read-only for callers. */
  stats: PoolStats
  /** The rest is what `key` is made of: over every ENI and CIDR, of any mode. */
  private assigned = 0
  private emptyMask = 0
  private freePrefixes = 0
  private onEni: number[] = []

  constructor(
    private readonly state: PoolState,
    private readonly limits: PoolLimits,
  ) {
    this.stats = this.recount()
  }

  /**
   * What ipamd's decision reads from the pool between two EC2 actions: addresses assigned, free
   * prefixes, and which ENIs hold no pod. If these are unchanged and no timer expired, a decision that
   * was "nothing to do" still is: cooldowns added since only forbid more.
   */
  key(): number {
    // Each part stays below its multiplier: ≤ 2^16 ENIs mask, < 10^4 prefixes, < 10^6 assigned.
    return (this.emptyMask * 10_000 + this.freePrefixes) * 1_000_000 + this.assigned
  }

  /** A pod took (+1) or gave back (−1) the address; `address.cidr.assigned` already counts the change. */
  podMoved(address: PodAddress, delta: -1 | 1): void {
    const {cidr, eni} = address
    // An ENI freed while its free-eni call was in flight can still carry pods; the pool no longer sees it.
    const index = this.state.enis.indexOf(eni)
    if (index === -1) return
    const before = this.onEni[index]
    this.onEni[index] = before + delta
    if (before === 0) this.emptyMask -= 2 ** index
    else if (before + delta === 0) this.emptyMask += 2 ** index
    this.assigned += delta
    const current = isCurrentMode(cidr, this.limits)
    // A prefix is free while it holds no pod: only its first pod in and its last pod out change that.
    if (cidr.prefix && (cidr.assigned === 0 || cidr.assigned - delta === 0)) {
      const freed = cidr.assigned === 0 ? 1 : -1
      this.freePrefixes += freed
      if (current) this.stats.freePrefixes += freed
    }

    if (current && !eni.excluded) {
      this.stats.assignedIps += delta
      this.stats.available -= delta
    }
  }

  /** Counts everything again from the state, after an EC2 action changed its CIDRs or ENIs. */
  recount(): PoolStats {
    const stats = emptyPoolStats()
    this.assigned = 0
    this.emptyMask = 0
    this.freePrefixes = 0
    this.onEni = []
    for (const [index, eni] of this.state.enis.entries()) {
      let onEni = 0
      for (const cidr of eni.cidrs) {
        countCidr(stats, eni, cidr, this.limits)
        onEni += cidr.assigned
        if (cidr.prefix && cidr.assigned === 0) this.freePrefixes++
      }

      this.assigned += onEni
      if (onEni === 0) this.emptyMask += 2 ** index
      this.onEni.push(onEni)
    }

    this.stats = finishPoolStats(stats)
    return this.stats
  }
}
