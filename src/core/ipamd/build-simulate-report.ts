import type {InstanceTypeLimits} from '../instance-type.js'
import {type IpamdConfig, type PoolLimits, resolvePoolLimits} from './ipamd-config.js'
import {tracePeakPods} from './parse-trace.js'
import {dependsOnPlacement, type IpamdOrderRange, simulateIpamdOrder} from './ipamd-order.js'
import {describeMinimumOnlyFreeze, describeModeWarnings} from './mode-warnings.js'
import type {PoolSnapshot} from './pool-snapshot.js'
import {snapshotPool} from './pool-snapshot.js'
import {simulateSteadyState, type SteadyStep} from './simulate-steady-state.js'
import {simulateWorkload} from './simulate-workload.js'
import type {SimulationReport} from './simulation-report.js'
import {type Ec2Latency, type PodEvent} from './workload.js'

export interface SimulateInput {
  config: IpamdConfig
  instance: InstanceTypeLimits
  latency: Ec2Latency
  pods: number
  trace?: {durationSeconds: number; events: PodEvent[]; name: string}
}

export interface SimulateResult {
  instanceType: string
  /**
   * Where placement changes the counts (PD, WARM_PREFIX_TARGET ≥ 2): what the `pods` steady pool holds in ipamd's own
   * random order, over seeded runs. The packed steps and steady state are then its lower bound.
   */
  ipamdOrder?: IpamdOrderRange
  limits: PoolLimits
  mode: 'prefix' | 'secondary-ip'
  /** Pods that never got an address (ContainerCreating: "failed to assign an IP address to container"). */
  podsWithoutAddress: number
  schemaVersion: 1
  settings: IpamdConfig
  /** False when the pool with `pods` pods keeps changing with no pod event (a flapping configuration); `steps` says so per pod count. */
  settled: boolean
  steadyState: PoolSnapshot
  /** The pool after each arriving pod (steady mode). */
  steps: SteadyStep[]
  /** The timed replay, with --trace. */
  trace?: Omit<SimulationReport, 'finalState'> & {name: string}
  warnings: string[]
}

const SAMPLE_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400]

/** A round interval giving at most about 30 timeline samples. */
const sampleInterval = (seconds: number): number => SAMPLE_STEPS.find((step) => seconds / step <= 30) ?? 14_400

export function buildSimulateReport(input: SimulateInput): SimulateResult {
  const limits = resolvePoolLimits(input.config, input.instance)
  const steady = simulateSteadyState(input.config, limits, input.pods)
  const warnings = describeWarnings(input, limits)
  let trace: SimulateResult['trace']
  let steadyState = steady.steadyState
  let podsWithoutAddress = steady.podsWithoutAddress
  if (input.trace) {
    const report = simulateWorkload({
      config: input.config,
      durationSeconds: input.trace.durationSeconds,
      events: input.trace.events,
      latency: input.latency,
      limits,
      sampleEverySeconds: sampleInterval(input.trace.durationSeconds),
      state: steady.state,
      // The trace starts where the steady pods' pool settled: every timer has run out, and time only moves forward.
      startAt: steady.now,
    })
    const {finalState, ...rest} = report
    trace = {name: input.trace.name, ...rest}
    steadyState = snapshotPool(finalState, limits)
    podsWithoutAddress = report.pods.neverPlaced
  }

  warnings.push(...describeFlaps(steady.steps))
  if (podsWithoutAddress > 0) {
    warnings.push(`${podsWithoutAddress} pod(s) found no IP address ("failed to assign an IP address to container")`)
  }

  return {
    instanceType: input.instance.instanceType,
    ipamdOrder: dependsOnPlacement(input.config, limits) ? simulateIpamdOrder(input.config, limits, input.pods) : undefined,
    limits,
    mode: limits.prefixDelegation ? 'prefix' : 'secondary-ip',
    podsWithoutAddress,
    schemaVersion: 1,
    settings: input.config,
    settled: steady.settled,
    steadyState,
    steps: steady.steps,
    trace,
    warnings,
  }
}

function describeWarnings(input: SimulateInput, limits: PoolLimits): string[] {
  const {config} = input
  const warnings = describeModeWarnings(config, input.instance, limits)
  const freeze = describeMinimumOnlyFreeze(config)
  if (freeze) warnings.push(freeze)
  if (input.pods > config.maxPods) {
    warnings.push(`${input.pods} pods is more than max pods ${config.maxPods}: kubelet would not schedule them all`)
  }

  const tracePeak = input.trace ? tracePeakPods(input.pods, input.trace.events, input.trace.name) : 0
  if (tracePeak > config.maxPods && input.pods <= config.maxPods) {
    warnings.push(`the trace reaches ${tracePeak} pods, more than max pods ${config.maxPods}: kubelet would not schedule them all`)
  }

  return warnings
}

/** Pod counts as "9", "9 and 18", "3–5, 9": runs collapsed. */
function formatCounts(counts: number[]): string {
  const runs: string[] = []
  for (let i = 0; i < counts.length; ) {
    let j = i
    while (j + 1 < counts.length && counts[j + 1] === counts[j] + 1) j++
    runs.push(j === i ? String(counts[i]) : `${counts[i]}–${counts[j]}`)
    i = j + 1
  }

  return runs.length <= 1 ? runs.join('') : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`
}

/** The pod counts at which ipamd never stops attaching and freeing, named as such: the last one is the result itself. */
function describeFlaps(steps: SteadyStep[]): string[] {
  const flapping = steps.filter((step) => !step.settled).map((step) => step.pods)
  if (flapping.length === 0) return []
  const last = steps.at(-1)!
  const loop = 'ipamd keeps attaching and freeing (a flapping configuration)'
  if (flapping.at(-1) === last.pods) {
    return [`the pool never settles with ${formatCounts(flapping)} pods: ${loop}`]
  }

  return [`the pool never settles with ${formatCounts(flapping)} pods: ${loop}; with ${last.pods} it does`]
}
