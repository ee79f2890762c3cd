import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import {dependsOnPlacement, type FigureRange, IPAMD_ORDER_RUNS, rangeOf} from '../ipamd/ipamd-order.js'
import {snapshotPool} from '../ipamd/pool-snapshot.js'
import type {PoolState} from '../ipamd/pool-state.js'
import {createRandom} from '../seeded-random.js'
import {projectPool} from './project-pool.js'
import type {SubnetBudget} from './subnet-budget.js'

/** Where the projection ends when the pending pods land in ipamd's random order instead of packed. */
export interface PlacementRange {
  enis: FigureRange
  runs: number
  totalIps: FigureRange
}

/**
 * Algorithm errata 5: ipamd hands out addresses in Go map order. Where that can change the pool's growth
 * (dependsOnPlacement) and pods are waiting, the projection is rerun with seeded random placement; null otherwise.
 */
export function projectPlacementRange(
  state: PoolState,
  config: IpamdConfig,
  limits: PoolLimits,
  now: number,
  pending: number,
  subnets: SubnetBudget,
): null | PlacementRange {
  if (pending === 0 || !dependsOnPlacement(config, limits)) return null
  const ends = []
  for (let seed = 1; seed <= IPAMD_ORDER_RUNS; seed++) {
    ends.push(snapshotPool(projectPool(state, config, limits, now, pending, subnets, createRandom(seed)).state, limits))
  }

  return {enis: rangeOf(ends.map((end) => end.enis)), runs: ends.length, totalIps: rangeOf(ends.map((end) => end.totalIps))}
}
