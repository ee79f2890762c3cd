import fc from 'fast-check'
import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {parseTrace} from '../../../src/core/ipamd/parse-trace.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../../../src/core/ipamd/simulate-workload.js'
import {DEFAULT_EC2_LATENCY, normalizeEvents} from '../../../src/core/ipamd/workload.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'
import {UserError} from '../../../src/errors.js'

const test = suite('simulateWorkload: a timed run')
const m5 = findInstanceType('m5.large')!

function runTrace(extra: Partial<IpamdConfig>, trace: string, durationSeconds = 900) {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 29, ...extra}
  const limits = resolvePoolLimits(config, m5)
  const {state} = simulateSteadyState(config, limits, 0)
  return simulateWorkload({config, durationSeconds, events: parseTrace(trace), limits, sampleEverySeconds: 60, state, startAt: 1000})
}

test('default mode: a burst of 12 pods fits the warm ENI but 3 wait for the new ENI to attach', () => {
  const report = runTrace({}, '0,+,12')
  assert.is(report.pods.started, 12)
  assert.is(report.pods.waited, 3)
  assert.ok(report.pods.waitSecondsMax > 0 && report.pods.waitSecondsMax <= 20, `waited ${report.pods.waitSecondsMax}s`)
  assert.is(report.eniAttachments, 2)
  assert.is(report.ec2Calls.CreateNetworkInterface, 2)
  assert.is(report.finalState.enis.length, 3)
})

test('warm-IP mode: each departure and arrival is an EC2 call once the targets are met', () => {
  const report = runTrace({minimumIpTarget: 5, warmIpTarget: 2}, '0,+,8\n300,-,8', 900)
  assert.ok(report.ec2Calls.AssignPrivateIpAddresses >= 1)
  assert.ok(report.ec2Calls.UnassignPrivateIpAddresses >= 1, 'released the surplus after the pods left')
  assert.is(report.pods.neverPlaced, 0)
  const last = report.timeline.at(-1)!
  assert.is(last.assigned, 0)
  assert.is(last.held, 5, 'back to MINIMUM_IP_TARGET')
})

test('pods that leave while still waiting for an address count as waited, with their wait (issue 5 review, finding 2)', () => {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 29, minimumIpTarget: 1, warmIpTarget: 1}
  const limits = resolvePoolLimits(config, m5)
  const {state} = simulateSteadyState(config, limits, 0)
  const latency = {...DEFAULT_EC2_LATENCY, assignSeconds: 5, releaseSeconds: 5}
  const report = simulateWorkload({config, durationSeconds: 600, events: parseTrace('0,+,3\n3,-,3'), latency, limits, state, startAt: 1000})
  assert.is(report.pods.started, 3)
  assert.is(report.pods.waited, 2, 'one pod took the warm IP, two waited and left after 3 s')
  assert.is(report.pods.waitSecondsTotal, 6)
  assert.is(report.pods.waitSecondsMax, 3)
  assert.is(report.pods.neverPlaced, 0)
})

test('default mode is sticky: IPs are kept after pods leave until a whole ENI is empty', () => {
  // The 12 oldest pods leave: the primary empties but cannot go, the others keep a pod each.
  const sticky = runTrace({}, '0,+,20\n300,-,12', 900)
  assert.is(sticky.eniFrees, 0)
  assert.equal([sticky.timeline.at(-1)!.held, sticky.timeline.at(-1)!.assigned], [27, 8])
  const empty = runTrace({}, '0,+,20\n300,-,20', 900)
  assert.is(empty.eniFrees, 2)
  assert.is(empty.timeline.at(-1)!.held, 9)
  assert.ok(empty.addresses.averageIdle > 0)
})

test('trace parsing: comments and header skipped, bad lines exit 2 with the line number', () => {
  assert.equal(parseTrace('seconds,op,count\n# warm-up\n10,-,2\n0,+,5\n'), [{atSeconds: 0, delta: 5}, {atSeconds: 10, delta: -2}])
  try {
    parseTrace('0,+,5\n10,x,2', 'load.csv')
    assert.unreachable()
  } catch (error) {
    assert.instance(error, UserError)
    assert.match((error as Error).message, 'load.csv line 2')
  }
})

test('a trace line with more pods than any node runs is bad input, not a simulation that never ends', () => {
  assert.throws(() => parseTrace('0,+,99999999999', 'huge.csv'), (e: unknown) => e instanceof UserError && /huge\.csv line 1: 99999999999 pods at once/.test(e.message))
  assert.equal(parseTrace('0,+,100000'), [{atSeconds: 0, delta: 100_000}])
})

test('trace parsing: the header may follow comments and blank lines, but not data (issue 5 review, finding 6)', () => {
  assert.equal(parseTrace('# recorded on node-1\n\nseconds,op,count\n0,+,5\n'), [{atSeconds: 0, delta: 5}])
  assert.throws(() => parseTrace('0,+,5\nseconds,op,count\n', 'load.csv'), /load.csv line 2/)
  assert.throws(() => parseTrace('seconds,op,count\nsecond header\n0,+,5', 'load.csv'), /load.csv line 2/)
})

const arbitraryEvents = fc.array(fc.record({atSeconds: fc.integer({max: 1800, min: 0}), delta: fc.integer({max: 8, min: -8})}), {maxLength: 40})
const arbitrarySettings = fc.constantFrom<Partial<IpamdConfig>>(
  {},
  {warmEniTarget: 0},
  {minimumIpTarget: 6, warmIpTarget: 2},
  {warmIpTarget: 1},
  {maxPods: 110, prefixDelegation: true},
  {maxPods: 110, minimumIpTarget: 10, prefixDelegation: true, warmIpTarget: 3},
)

function runBoth(extra: Partial<IpamdConfig>, raw: Array<{atSeconds: number; delta: number}>, pods: number) {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 29, ...extra}
  const limits = resolvePoolLimits(config, m5)
  const events = normalizeEvents(raw)
  const run = (skipQuietTicks: boolean) => {
    const steady = simulateSteadyState(config, limits, pods)
    return simulateWorkload({config, durationSeconds: 2400, events, limits, skipQuietTicks, state: steady.state, startAt: steady.now})
  }
  return {fast: run(true), limits, slow: run(false)}
}

test('property: skipping quiet ticks gives exactly the result of reconciling every 5 s', () => {
  fc.assert(
    fc.property(arbitrarySettings, arbitraryEvents, fc.integer({max: 20, min: 0}), (extra, raw, pods) => {
      const {fast, slow} = runBoth(extra, raw, pods)
      assert.equal(fast, slow)
    }),
    {numRuns: 150, seed: 7},
  )
})

test('property: during any workload the node stays within its limits and never loses a pod', () => {
  fc.assert(
    fc.property(arbitrarySettings, arbitraryEvents, fc.integer({max: 20, min: 0}), (extra, raw, pods) => {
      const {fast, limits} = runBoth(extra, raw, pods)
      assert.ok(fast.peakEnis <= limits.maxEni)
      for (const eni of fast.finalState.enis) assert.ok(eni.cidrs.length <= limits.cidrsPerEni)
      // Departures beyond the pods present are no-ops, so the node's pod count is a running sum clamped at 0.
      const present = normalizeEvents(raw).reduce((count, e) => Math.max(0, count + e.delta), pods)
      const assigned = fast.finalState.enis.reduce((sum, eni) => sum + eni.cidrs.reduce((s, c) => s + c.assigned, 0), 0)
      assert.is(assigned + fast.pods.neverPlaced, present, 'every pod is either placed or still waiting')
      for (const sample of fast.timeline) assert.ok(sample.assigned <= sample.held)
    }),
    {numRuns: 150, seed: 11},
  )
})

test.run()
