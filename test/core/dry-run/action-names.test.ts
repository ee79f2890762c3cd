import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {parseIntrospection} from '../../../src/core/dry-run/parse-introspection.js'
import {introspectionJson} from '../../helpers/ipamd-files.js'
import {context, eniFacts, ips, nodeWith, NOW} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: how actions are named')

test('a new ENI is "(new ENI at device N)", never a made-up id', () => {
  const primary = ips('10.0.1', 9)
  const doc = dryRunNode(nodeWith({enis: [eniFacts(0, primary)], pending: 2, podIps: primary}), context)
  const attach = doc.actions.find((a) => a.kind === 'attach-eni')!
  assert.is(attach.eniId, '(new ENI at device 1)')
  assert.not.match(doc.actions.map((a) => a.text).join('\n'), /\beni-1\b/)
})

test('a delay from a cooling address names IP_COOLDOWN_PERIOD', () => {
  const [primary, second] = [eniFacts(0, ips('10.0.1', 9)), eniFacts(1, ips('10.0.2', 9))]
  const text = introspectionJson([
    {addresses: [], cidrs: primary.secondaryIps.map((ip) => `${ip}/32`), id: primary.id, primary: true, subnetId: 'subnet-a'},
    {addresses: [{address: second.secondaryIps[0], unassignedSecondsAgo: 10}], cidrs: second.secondaryIps.map((ip) => `${ip}/32`), id: second.id, primary: false, subnetId: 'subnet-a'},
  ], NOW * 1000)
  const doc = dryRunNode(nodeWith({enis: [primary, second], podIps: []}), {...context, introspection: parseIntrospection(text, 'enis.json')})
  const free = doc.actions.find((a) => a.kind === 'free-eni')!
  assert.is(free.waitedFor, 'IP_COOLDOWN_PERIOD 30 s')
  assert.match(free.text, /^after 25 s \(once IP_COOLDOWN_PERIOD 30 s ran out\): free eni-1aaaa/)
})

test.run()
