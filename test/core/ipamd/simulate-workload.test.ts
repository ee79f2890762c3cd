import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {parseTrace} from '../../../src/core/ipamd/parse-trace.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../../../src/core/ipamd/simulate-workload.js'
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

test.run()
