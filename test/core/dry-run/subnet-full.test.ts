import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: a subnet with no free address or /28')

test('secondary IPs, subnet full: no assign or attach, the idle IPs go to pending pods, the rest wait, growth listed as blocked', () => {
  // t3.medium, WARM_IP_TARGET=5: 4 pods on 8 addresses, 6 pending, the subnet has no free address (the review's snapD).
  const primary = ips('10.0.16', 5)
  const node = nodeWith({enis: [eniFacts(0, primary), eniFacts(1, ips('10.0.17', 3))], env: {WARM_IP_TARGET: '5'}, free: 0, pending: 6, podIps: primary.slice(0, 4), type: 't3.medium'})
  const doc = dryRunNode(node, context)
  assert.equal(doc.actions, [])
  assert.is(doc.podsWithoutAddress, 2)
  assert.is(doc.projectedState.totalIps, 8)
  assert.ok(doc.blocked.some((b) => /subnet-a has 0 free addresses: EC2 refuses .*InsufficientFreeAddressesInSubnet.*120 s/.test(b)), doc.blocked.join('\n'))
  assert.ok(doc.limits.some((l) => l.kind === 'subnet-free-ips' && l.reached))
})

test('prefix delegation, no free /28: no prefix assigned, the pending pod takes an idle address', () => {
  const prefixes = ['10.0.15.0/28', '10.0.15.16/28', '10.0.15.32/28']
  const pods = [...ips('10.0.15', 16, 0), ...ips('10.0.15', 16, 16), ...ips('10.0.15', 2, 32)]
  const node = nodeWith({enis: [eniFacts(0, [], {prefixes})], env: {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1'}, free: 10, pending: 1, podIps: pods, type: 'c5.4xlarge'})
  const doc = dryRunNode(node, context)
  assert.equal(doc.actions.filter((a) => a.kind === 'assign' || a.kind === 'attach-eni'), [])
  assert.is(doc.podsWithoutAddress, 0)
  assert.ok(doc.blocked.some((b) => /at most 0 free \/28s \(10 free addresses\).*InsufficientCidrBlocks/.test(b)), doc.blocked.join('\n'))
})

test('a subnet with room: growth goes ahead as before', () => {
  const primary = ips('10.0.16', 5)
  const node = nodeWith({enis: [eniFacts(0, primary), eniFacts(1, ips('10.0.17', 3))], env: {WARM_IP_TARGET: '5'}, free: 100, pending: 6, podIps: primary.slice(0, 4), type: 't3.medium'})
  const doc = dryRunNode(node, context)
  assert.ok(doc.actions.some((a) => a.kind === 'assign'))
  assert.is(doc.blocked.filter((b) => b.includes('EC2 refuses')).length, 0)
})

test.run()
