import {applyAction} from './apply-action.js'
import {decideActions} from './decide-actions.js'
import {ec2CallsOf, type IpamdAction} from './ipamd-action.js'
import type {IpamdConfig, PoolLimits} from './ipamd-config.js'
import {assignPodAddress, type PodAddress, releasePodAddress} from './place-pod.js'
import {snapshotPool} from './pool-snapshot.js'
import {PoolTally} from './pool-tally.js'
import {latestTime, type PoolState} from './pool-state.js'
import {CooldownQueue, createRunClock, nextTimerExpiry, roundToTick, type RunClock} from './run-clock.js'
import {createEmptyReport, type SimulationReport} from './simulation-report.js'
import {DEFAULT_EC2_LATENCY, type Ec2Latency, latencyOf, type PodEvent} from './workload.js'

/** ipMonitorInterval: ipamd reconciles the pool every 5 s. */
export const TICK_SECONDS = 5

export interface WorkloadOptions {
  config: IpamdConfig
  durationSeconds: number
  /** Sorted by time (normalizeEvents). */
  events: PodEvent[]
  latency?: Ec2Latency
  limits: PoolLimits
  /** 0: no timeline. */
  sampleEverySeconds?: number
  /** Reconcile every 5 s even when nothing can change (slow; for checking that skipping is exact). */
  skipQuietTicks?: boolean
  /**
   * Any starting state, pods included (assigned addresses); times in it are on the run's clock, which starts at `startAt`,
   * no earlier than the latest of them (SteadyStateResult.now after a steady run).
   */
  state: PoolState
  startAt?: number
}

interface Run {
  clock: RunClock
  cooling: CooldownQueue
  config: IpamdConfig
  inFlight?: {actions: IpamdAction[]; at: number}
  limits: PoolLimits
  pods: PodAddress[]
  /** The last reconcile that found nothing to do: its decision key, and when a timer could change that. */
  quiet?: {key: number; wake: number}
  skipQuietTicks: boolean
  report: SimulationReport
  state: PoolState
  tally: PoolTally
  waiting: number[]
}

/** The pods already on the node, one entry per assigned address, lowest device index first. */
function podsFromState(state: PoolState): PodAddress[] {
  const pods: PodAddress[] = []
  for (const eni of state.enis) for (const cidr of eni.cidrs) for (let i = 0; i < cidr.assigned; i++) pods.push({cidr, eni})
  return pods
}

function placeWaiting(run: Run, now: number): void {
  while (run.waiting.length > 0) {
    const address = assignPodAddress(run.state, run.limits, now, run.config.ipCooldownSeconds)
    if (!address) return
    run.tally.podMoved(address, 1)
    recordWait(run, now - run.waiting.shift()!)
    run.pods.push(address)
    run.clock.assigned++
  }
}

function recordWait(run: Run, wait: number): void {
  if (wait <= 0) return
  run.report.pods.waited++
  run.report.pods.waitSecondsTotal += wait
  run.report.pods.waitSecondsMax = Math.max(run.report.pods.waitSecondsMax, wait)
}

function handleEvent(run: Run, event: PodEvent, now: number): void {
  for (let i = 0; i < event.delta; i++) {
    run.report.pods.started++
    run.waiting.push(now)
  }

  placeWaiting(run, now)
  for (let i = 0; i < -event.delta; i++) {
    const pod = run.pods.shift()
    if (pod) {
      releasePodAddress(pod, now, run.config.ipCooldownSeconds)
      run.tally.podMoved(pod, -1)
      run.cooling.push(now + run.config.ipCooldownSeconds)
      run.clock.assigned--
    } else {
      // A pod deleted before it got an address still waited for one.
      recordWait(run, now - run.waiting.shift()!)
    }
  }
}

function completeActions(run: Run, actions: IpamdAction[], now: number): void {
  for (const action of actions) {
    applyAction(run.state, action, now)
    if (action.kind === 'attach-eni') run.report.eniAttachments++
    if (action.kind === 'free-eni') run.report.eniFrees++
  }

  const stats = run.tally.recount()
  let enis = 0
  for (const eni of run.state.enis) if (!eni.trunk) enis++
  run.clock.held = stats.totalIps
  run.clock.enis = enis
  run.report.peakEnis = Math.max(run.report.peakEnis, enis)
  run.report.addresses.peakHeld = Math.max(run.report.addresses.peakHeld, stats.totalIps)
  placeWaiting(run, now)
}

/**
 * One reconcile: returns when the next one is due. EC2 calls block ipamd until they return.
 * A quiet tick is remembered: while the pool's decision key and the timers are unchanged, the
 * decision is still "nothing to do" (see PoolTally.key), so it is not recomputed.
 */
function reconcile(run: Run, now: number, latency: Ec2Latency): number {
  placeWaiting(run, now)
  const waiting = run.waiting.length > 0
  const key = run.tally.key()
  const quiet = run.quiet && run.quiet.key === key && now < run.quiet.wake
  if (!quiet) {
    const decision = decideActions(run.state, run.config, run.limits, now, false, run.tally.stats)
    if (decision.actions.length > 0) return startActions(run, decision.actions, now, latency)
    run.quiet = {key, wake: nextTimerExpiry(run.state, now, run.cooling.next(now))}
  }

  if (!run.skipQuietTicks) run.quiet = undefined
  return waiting || !run.quiet ? now + TICK_SECONDS : roundToTick(run.quiet.wake, now, TICK_SECONDS)
}

function startActions(run: Run, actions: IpamdAction[], now: number, latency: Ec2Latency): number {
  run.quiet = undefined
  for (const action of actions) {
    for (const call of ec2CallsOf(action)) run.report.ec2Calls[call] = (run.report.ec2Calls[call] ?? 0) + 1
  }

  const busy = latencyOf(actions, latency)
  run.inFlight = {actions, at: now + busy}
  return now + busy + TICK_SECONDS
}

/**
 * A timed run: pods arrive and leave (oldest first), ipamd reconciles every 5 s and waits for its EC2
 * calls. Ticks where nothing can change are skipped, so long quiet stretches cost nothing.
 * The state passed in is changed; the report's finalState is it.
 */
export function simulateWorkload(options: WorkloadOptions): SimulationReport {
  const start = options.startAt ?? 0
  // Starting before the state's own times would make its ENIs too young to free for that long (issue 11).
  const latest = latestTime(options.state)
  if (start < latest) throw new Error(`simulateWorkload: start ${start} s is before the state's time ${latest} s`)
  const end = start + options.durationSeconds
  const latency = options.latency ?? DEFAULT_EC2_LATENCY
  const initial = snapshotPool(options.state, options.limits)
  const run: Run = {
    clock: createRunClock(start, initial, options.sampleEverySeconds ?? 0),
    cooling: new CooldownQueue(options.state, options.config.ipCooldownSeconds),
    config: options.config,
    limits: options.limits,
    pods: podsFromState(options.state),
    report: createEmptyReport(options.durationSeconds, options.state, initial.totalIps, initial.enis),
    skipQuietTicks: options.skipQuietTicks ?? true,
    state: options.state,
    tally: new PoolTally(options.state, options.limits),
    waiting: [],
  }
  let lastTick = start
  let nextTick = start + TICK_SECONDS
  let index = 0
  for (;;) {
    const eventAt = index < options.events.length ? start + options.events[index].atSeconds : Infinity
    const due = run.inFlight ? run.inFlight.at : nextTick
    const now = Math.min(eventAt, due)
    if (now > end) break
    run.clock.advance(now, run.report.timeline)
    if (eventAt <= due) {
      handleEvent(run, options.events[index++], now)
      // ipamd keeps its own 5 s cadence: the next tick on it after the event.
      if (!run.inFlight) nextTick = Math.min(nextTick, lastTick + Math.ceil((now - lastTick) / TICK_SECONDS) * TICK_SECONDS)
    } else if (run.inFlight) {
      completeActions(run, run.inFlight.actions, now)
      run.inFlight = undefined
    } else {
      lastTick = now
      nextTick = reconcile(run, now, latency)
    }
  }

  return finishReport(run, end)
}

function finishReport(run: Run, end: number): SimulationReport {
  run.clock.advance(end, run.report.timeline)
  const {report} = run
  const means = run.clock.means()
  report.addresses.averageHeld = means.held
  report.addresses.averageAssigned = means.assigned
  report.addresses.averageIdle = means.held - means.assigned
  report.ec2CallsTotal = Object.values(report.ec2Calls).reduce((a, b) => a + b, 0)
  report.pods.neverPlaced = run.waiting.length
  for (const arrival of run.waiting) report.pods.waitSecondsMax = Math.max(report.pods.waitSecondsMax, end - arrival)
  return report
}
