import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {renderDryRun} from '../../../src/output/ipamd-dry-run-view.js'
import {createStyle} from '../../../src/output/style.js'
import {context, eniFacts, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: order dependence (errata 5)')

test('every projection states the packed placement it assumes', () => {
  const doc = dryRunNode(nodeWith({enis: [eniFacts(0, [])], podIps: []}), context)
  assert.ok(doc.assumptions.some((a) => a.startsWith('pending pods are placed packed') && a.includes('Go map order')))
  assert.is(doc.placementRange, null)
})

test('PD with WARM_PREFIX_TARGET=3 and 5 pods waiting: the spread over random placement is given, as a range when it differs', async () => {
  const prefixes = ['10.0.8.0/28', '10.0.8.16/28', '10.0.8.32/28']
  const env = {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '3'}
  const doc = dryRunNode(nodeWith({enis: [eniFacts(0, [], {prefixes})], env, pending: 5, podIps: [], type: 'm5.large'}), context)
  const range = doc.placementRange!
  assert.is(range.runs, 20)
  assert.ok(range.totalIps.min <= doc.projectedState.totalIps && doc.projectedState.totalIps <= range.totalIps.max)
  assert.ok(doc.assumptions.some((a) => a.includes('placementRange gives the spread')))
  const text = renderDryRun(doc, await createStyle(false))
  // Packed, 5 pods leave two of the three /28s free; spread, fewer: ipamd then adds more prefixes.
  assert.ok(range.totalIps.min < range.totalIps.max, JSON.stringify(range))
  assert.match(text, /with ipamd's random placement \(20 seeded runs\): \S+ ENIs, \d+-\d+ IPs held/)
})

test.run()
