import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {choosePick} from '../../../src/core/plan/choose-pick.js'
import type {AlternativeRow} from '../../../src/core/plan/plan-alternatives.js'

const test = suite('plan pick: the fallback when no option is feasible')

const row = (option: AlternativeRow['option'], held: number, extra: Partial<AlternativeRow>): AlternativeRow => ({
  addressesNodeSubnets: held, addressesPodSubnets: 0, ec2CallsPerHour: 0, env: {}, feasible: false, fitsAtMax: true, label: option,
  maxPods: {max: 110, min: 110}, option, podsWaited: 0, problems: [], runsEveryPod: true, sameAs: [], ...extra,
})

test('none feasible: an option that runs every pod (with waits) beats one whose pods exceed max pods, however few addresses it holds', () => {
  const pick = choosePick([
    row('as-given', 226, {podsWaited: 24}),
    row('default', 30, {runsEveryPod: false}),
    row('custom-networking', 1, {runsEveryPod: false}),
  ])
  assert.is(pick.option, 'as-given')
  assert.match(pick.reason, /run every pod/)
})

test('none runs every pod: the fewest addresses, saying more pods than the nodes take', () => {
  const pick = choosePick([row('as-given', 50, {runsEveryPod: false}), row('default', 30, {runsEveryPod: false})])
  assert.is(pick.option, 'default')
  assert.match(pick.reason, /no option runs every pod/)
})

test.run()
