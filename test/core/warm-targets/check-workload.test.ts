import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {MANIFEST_DEFAULTS} from '../../../src/core/ipamd/ipamd-config.js'
import {parseTrace, tracePeakPods} from '../../../src/core/ipamd/parse-trace.js'
import {checkWorkloadFits, defaultBurst} from '../../../src/core/warm-targets/check-workload.js'
import {modePitfalls} from '../../../src/core/warm-targets/warm-pitfalls.js'
import {UserError} from '../../../src/errors.js'

const test = suite('warm-targets workload defaults')

test('without --burst, a quarter of the pods arrive at once (a rollout at the default maxSurge), said to be assumed', () => {
  const shape = checkWorkloadFits({churn: '0', maxPods: 29, pods: 15})
  assert.is(shape.burst, 4)
  assert.is(shape.burstAssumed, true)
})

test('the assumed burst never pushes the node past its max pods; a given burst is kept as given', () => {
  assert.is(defaultBurst(28, 29 - 28), 1)
  assert.is(checkWorkloadFits({churn: '0', maxPods: 29, pods: 29}).burst, 0)
  const given = checkWorkloadFits({burst: 0, churn: '0', maxPods: 29, pods: 15})
  assert.is(given.burst, 0)
  assert.is(given.burstAssumed, false)
  assert.throws(() => checkWorkloadFits({burst: 20, churn: '0', maxPods: 29, pods: 15}), (e: unknown) => e instanceof UserError)
})

test("a trace's peak pods are checked against max pods; departures of pods not there are bad input", () => {
  const events = parseTrace('0,-,5\n5,+,20\n9,-,20\n12,+,25')
  assert.is(tracePeakPods(5, events), 25)
  assert.throws(() => tracePeakPods(5, parseTrace('0,-,10\n5,+,20'), 'w.csv'), /w\.csv: 10 pods leave at 0 s while 5 are running/)
  assert.throws(() => parseTrace(`0,+,1\n${'z'.repeat(10_000)}`, 'w.csv'), (e: unknown) => e instanceof Error && e.message.length < 150 && e.message.endsWith('…" (10000 characters)'))
  assert.is(checkWorkloadFits({churn: '0', maxPods: 29, pods: 5, tracePeak: 25}).pods, 5)
  assert.throws(() => checkWorkloadFits({churn: '0', maxPods: 20, pods: 5, tracePeak: 25}), /25 pods on one node is more than its max pods \(20\)/)
})

test('the reminder to keep both warm-IP variables set has its own code, not the WARM_IP_TARGET-alone one (issue 5 review, finding 5)', () => {
  const both = modePitfalls(false, {...MANIFEST_DEFAULTS, maxPods: 29, minimumIpTarget: 15, warmIpTarget: 5})
  assert.equal(both.map((p) => p.code), ['warm-ip-minimum-together'])
})

test('--churn beyond what a double holds (1e400) is more than a node runs, not "not a number"', () => {
  assert.throws(() => checkWorkloadFits({churn: '1e400', maxPods: 29, pods: 5}), /^--churn "1e400" pod starts per minute is more than one node runs: at most 29/)
  assert.throws(() => checkWorkloadFits({churn: '1e6', maxPods: 29, pods: 5}), /^--churn 1000000 pod starts per minute/)
  assert.throws(() => checkWorkloadFits({churn: 'abc', maxPods: 29, pods: 5}), /must be a non-negative number/)
})

test('a WARM_IP_TARGET of 1 is flagged as a throttling risk; 2 and more are not', () => {
  const base = {...MANIFEST_DEFAULTS, maxPods: 29}
  const codes = (wit: number) => modePitfalls(false, {...base, minimumIpTarget: 15, warmIpTarget: wit}).map((p) => p.code)
  assert.ok(codes(1).includes('small-warm-ip'))
  assert.not.ok(codes(2).includes('small-warm-ip'))
})

test.run()
