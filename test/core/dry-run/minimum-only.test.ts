import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: MINIMUM_IP_TARGET without WARM_IP_TARGET (errata 1)')

const primary = ips('10.0.1', 9)
const node = (pending: number) => nodeWith({enis: [eniFacts(0, primary)], env: {MINIMUM_IP_TARGET: '9', WARM_IP_TARGET: '0'}, pending, podIps: primary.slice(0, 8)})

test('warned as ipamd simulate warns, and with pods left waiting it is the limit reached', () => {
  const doc = dryRunNode(node(3), context)
  assert.ok(doc.warnings.includes('MINIMUM_IP_TARGET=9 without WARM_IP_TARGET: the pool stops growing at the minimum (pods beyond it get no address)'), doc.warnings.join('\n'))
  assert.equal(doc.actions, [])
  assert.is(doc.podsWithoutAddress, 2)
  const limit = doc.limits.find((l) => l.kind === 'minimum-ip-target')
  assert.ok(limit?.reached)
})

test('no pod waiting: warned, the limit not reached', () => {
  const doc = dryRunNode(node(0), context)
  assert.not.ok(doc.limits.find((l) => l.kind === 'minimum-ip-target')?.reached)
  assert.ok(doc.warnings.some((w) => w.startsWith('MINIMUM_IP_TARGET=9 without WARM_IP_TARGET')))
})

test.run()
