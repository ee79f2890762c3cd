import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: the ENI-slot limit says what takes the slots')

test('ENABLE_POD_ENI without a trunk yet and an excluded ENI (lab s6): the text names the trunk slot and the excluded ENI', () => {
  const primary = ips('10.0.1', 9)
  const node = nodeWith({enis: [eniFacts(0, primary), eniFacts(1, [], {subnetId: 'subnet-x'})], env: {ENABLE_POD_ENI: 'true'}, pending: 2, podIps: primary})
  node.subnets.push({availableIpAddressCount: 100, subnetId: 'subnet-x', tags: {'kubernetes.io/role/cni': '0'}})
  const limit = dryRunNode(node, context).limits.find((l) => l.kind === 'eni-limit')!
  assert.ok(limit.reached)
  assert.is(limit.used, 3)
  assert.is(limit.detail, '3 of 3 ENI slots taken (1 in the pool, eni-1aaaa on a subnet excluded for pod addresses, 1 kept for the trunk ENI, which the VPC resource controller attaches for ENABLE_POD_ENI): no room for another')
})

test('a plain node with room: no reservation named', () => {
  const primary = ips('10.0.1', 9)
  const limit = dryRunNode(nodeWith({enis: [eniFacts(0, primary)], podIps: []}), context).limits.find((l) => l.kind === 'eni-limit')!
  assert.is(limit.detail, '1 of 3 ENI slots taken (1 in the pool)')
})

test.run()
