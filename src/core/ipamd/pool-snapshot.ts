import type {PoolLimits} from './ipamd-config.js'
import {isCurrentMode} from './pool-stats.js'
import {cidrSize, type PoolState} from './pool-state.js'

/** The pool as `ipamd simulate` reports it. */
export interface PoolSnapshot {
  assignedIps: number
  /** Addresses per attached non-trunk ENI, by device index (the primary first). */
  addressesPerEni: number[]
  idleIps: number
  /** Attached ENIs, the primary included, a trunk ENI excluded. */
  enis: number
  prefixes: number
  /** Every IPv4 address the node holds for pods: secondary IPs, or 16 per prefix. */
  totalIps: number
}

export function snapshotPool(state: PoolState, limits: PoolLimits): PoolSnapshot {
  const addressesPerEni: number[] = []
  let assignedIps = 0
  let prefixes = 0
  for (const eni of state.enis) {
    if (eni.trunk) continue
    let held = 0
    for (const cidr of eni.cidrs) {
      // An ENI excluded for pod IPs is attached, but its addresses are not the pool's.
      if (eni.excluded || !isCurrentMode(cidr, limits)) continue
      held += cidrSize(cidr)
      assignedIps += cidr.assigned
      if (cidr.prefix) prefixes++
    }

    addressesPerEni.push(held)
  }

  const totalIps = addressesPerEni.reduce((a, b) => a + b, 0)
  return {addressesPerEni, assignedIps, enis: addressesPerEni.length, idleIps: totalIps - assignedIps, prefixes, totalIps}
}
