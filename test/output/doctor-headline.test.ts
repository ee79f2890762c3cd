import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {CHECK_REGISTRY} from '../../src/core/doctor/registry.js'
import {noFindingsLine} from '../../src/output/doctor-headline.js'

const test = suite('doctor headline: a clean bill only for what ran')
const ALL = CHECK_REGISTRY.map((c) => c.id)
const report = (checked: string[], notChecked: Array<{id: string; partial?: boolean}> = []) =>
  ({checked, findings: [], notChecked: notChecked.map((n) => ({partial: false, ...n}))}) as unknown as DoctorReport

test('every check ran and found nothing: nothing wrong', () => {
  assert.equal(noFindingsLine(report(ALL)), {ok: true, text: 'No findings: nothing wrong with the VPC CNI was found.'})
})

test('--only two checks: the clean bill names the two, not the VPC CNI as a whole', () => {
  assert.equal(noFindingsLine(report(['CNI001', 'CNI002'])), {ok: true, text: `No findings in the 2 of ${ALL.length} checks selected to run.`})
})

test('checks that could not run: never a clean bill', () => {
  assert.equal(noFindingsLine(report(ALL.slice(1), [{id: ALL[0]}])), {ok: false, text: `No findings, but 1 of ${ALL.length} checks could not run: see Not checked.`})
})

test.run()
