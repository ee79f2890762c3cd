import {createRandom} from '../seeded-random.js'
import {type IpamdConfig, isWarmIpDefined, type PoolLimits} from './ipamd-config.js'
import type {PoolSnapshot} from './pool-snapshot.js'
import {type SteadyStateResult, simulateSteadyState} from './simulate-steady-state.js'

/** Seeded runs of ipamd's random placement behind a range: enough for its spread, few enough to stay quick. */
export const IPAMD_ORDER_RUNS = 20

export interface FigureRange {
  max: number
  median: number
  min: number
}

/** What the steady pool holds when pods are placed in ipamd's random (Go map) order, over seeded runs. */
export interface IpamdOrderRange {
  enis: FigureRange
  prefixes: FigureRange
  runs: number
  totalIps: FigureRange
}

/**
 * Whether where pods land changes what a steady ramp holds. Only in prefix delegation without warm-IP targets and with
 * WARM_PREFIX_TARGET ≥ 2: a step then adds max(1, WARM_PREFIX_TARGET − free prefixes) prefixes, and pods spread over the
 * prefixes leave fewer of them free. Every other setting grows on address counts alone (checked against the spread model
 * in test/core/ipamd/ipamd-order.test.ts).
 */
export const dependsOnPlacement = (config: IpamdConfig, limits: PoolLimits): boolean =>
  limits.prefixDelegation && !isWarmIpDefined(config) && config.warmPrefixTarget >= 2

export function rangeOf(values: number[]): FigureRange {
  const sorted = [...values].sort((a, b) => a - b)
  return {max: sorted.at(-1)!, median: sorted[Math.floor((sorted.length - 1) / 2)], min: sorted[0]}
}

/** The steady ramp to `pods`, IPAMD_ORDER_RUNS times with seeds 1, 2, …: the same runs on every run of the tool. */
export function ipamdOrderRuns(config: IpamdConfig, limits: PoolLimits, pods: number): SteadyStateResult[] {
  return Array.from({length: IPAMD_ORDER_RUNS}, (_, i) => simulateSteadyState(config, limits, pods, undefined, createRandom(i + 1)))
}

/** The spread of those runs' steady pools. */
export function simulateIpamdOrder(config: IpamdConfig, limits: PoolLimits, pods: number): IpamdOrderRange {
  return orderRange(ipamdOrderRuns(config, limits, pods).map((run) => run.steadyState))
}

/** Min, median and max of steady pools' ENIs, prefixes and addresses. */
export function orderRange(runs: PoolSnapshot[]): IpamdOrderRange {
  return {
    enis: rangeOf(runs.map((run) => run.enis)),
    prefixes: rangeOf(runs.map((run) => run.prefixes)),
    runs: runs.length,
    totalIps: rangeOf(runs.map((run) => run.totalIps)),
  }
}
