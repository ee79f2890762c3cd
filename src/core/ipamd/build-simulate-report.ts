import type {InstanceTypeLimits} from '../instance-type.js'
import {type IpamdConfig, type PoolLimits, resolvePoolLimits} from './ipamd-config.js'
import {tracePeakPods} from './parse-trace.js'
import {describeModeWarnings} from './mode-warnings.js'
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
  limits: PoolLimits
  mode: 'prefix' | 'secondary-ip'
  /** Pods that never got an address (ContainerCreating: "failed to assign an IP address to container"). */
  podsWithoutAddress: number
  schemaVersion: 1
  settings: IpamdConfig
  /** False when the pool kept changing with no pod event: a flapping configuration. */
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

/** After the steady pods have arrived, quiet time before the trace starts: every timer has run out. */
const TRACE_START = 3600

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
      startAt: TRACE_START,
    })
    const {finalState, ...rest} = report
    trace = {name: input.trace.name, ...rest}
    steadyState = snapshotPool(finalState, limits)
    podsWithoutAddress = report.pods.neverPlaced
  }

  if (!steady.settled) warnings.push('the pool never settles: ipamd keeps attaching and freeing (a flapping configuration)')
  if (podsWithoutAddress > 0) {
    warnings.push(`${podsWithoutAddress} pod(s) found no IP address ("failed to assign an IP address to container")`)
  }

  return {
    instanceType: input.instance.instanceType,
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
  if (config.warmIpTarget === 0 && config.minimumIpTarget > 0) {
    warnings.push('MINIMUM_IP_TARGET without WARM_IP_TARGET: the pool stops growing at the minimum (pods beyond it get no address)')
  }

  if (input.pods > config.maxPods) {
    warnings.push(`${input.pods} pods is more than max pods ${config.maxPods}: kubelet would not schedule them all`)
  }

  const tracePeak = input.trace ? tracePeakPods(input.pods, input.trace.events, input.trace.name) : 0
  if (tracePeak > config.maxPods && input.pods <= config.maxPods) {
    warnings.push(`the trace reaches ${tracePeak} pods, more than max pods ${config.maxPods}: kubelet would not schedule them all`)
  }

  return warnings
}
