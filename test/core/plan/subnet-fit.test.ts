import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseIpv4Cidr} from '../../../src/core/plan/cidr.js'
import {parseNodeGroupSpec} from '../../../src/core/plan/parse-node-group.js'
import {spreadNodes} from '../../../src/core/plan/plan-figures.js'
import {fitsIn, prefixBlocksLeft, smallestPrefixLength, usableAddresses, withHeadroom} from '../../../src/core/plan/subnet-fit.js'
import {UserError} from '../../../src/errors.js'

const test = suite('plan: CIDRs, subnet fit, /28 blocks, node spread')

test('CIDRs: size and normal form; host bits, bad octets and prefixes are bad input', () => {
  assert.equal(parseIpv4Cidr('10.0.0.0/23', 'x'), {base: 167_772_160, prefixLength: 23, size: 512, text: '10.0.0.0/23'})
  assert.is(parseIpv4Cidr('100.64.0.0/10', 'x').size, 4_194_304)
  for (const bad of ['10.0.0.1/23', '10.0.0/23', '10.0.0.256/24', '10.0.0.0/33', '10.0.0.0', 'ten/8']) {
    assert.throws(() => parseIpv4Cidr(bad, '--subnet a'), (e: Error) => e instanceof UserError && e.message.startsWith('--subnet a: '))
  }
})

test('usable addresses: AWS reserves 5 in every subnet', () => {
  assert.is(usableAddresses(512), 507)
  assert.is(usableAddresses(16), 11)
})

test('/28 blocks: the first and last are partly reserved; /32s fill their 27 spare addresses first', () => {
  assert.is(prefixBlocksLeft(512, 0), 30)
  assert.is(prefixBlocksLeft(512, 27), 30)
  assert.is(prefixBlocksLeft(512, 28), 29)
  assert.is(prefixBlocksLeft(16, 0), 0)
  assert.ok(fitsIn(512, {prefixes: 30, total: 30 * 16 + 27}))
  assert.not.ok(fitsIn(512, {prefixes: 30, total: 30 * 16 + 28}))
  assert.not.ok(fitsIn(512, {prefixes: 0, total: 508}))
})

test('smallest subnet with headroom: /28 … /16, null beyond a /16', () => {
  assert.is(smallestPrefixLength({prefixes: 0, total: 11}), 28)
  assert.is(smallestPrefixLength({prefixes: 0, total: 12}), 27)
  assert.is(smallestPrefixLength(withHeadroom({prefixes: 0, total: 360}, 20)), 23)
  assert.is(smallestPrefixLength(withHeadroom({prefixes: 0, total: 430}, 20)), 22)
  assert.is(smallestPrefixLength({prefixes: 0, total: 70_000}), null)
  assert.equal(withHeadroom({prefixes: 10, total: 170}, 20), {prefixes: 12, total: 12 * 16 + 12})
})

test('nodes spread over subnets as an ASG balances zones', () => {
  assert.equal(spreadNodes(10, 3), [4, 3, 3])
  assert.equal(spreadNodes(2, 3), [1, 1, 0])
  assert.equal(spreadNodes(0, 2), [0, 0])
})

test('--node-group TYPE:COUNT[:MAX[:PODS]]', () => {
  assert.equal(parseNodeGroupSpec('m5.large:3'), {count: 3, instanceType: 'm5.large', max: 3, podsPerNode: null})
  assert.equal(parseNodeGroupSpec('m5.large:3:10:20'), {count: 3, instanceType: 'm5.large', max: 10, podsPerNode: 20})
  for (const bad of ['m5.large', 'm5.large:x', 'm5.large:3:2', 'm5.large:1:2:3:4', ':3', 'm5.large:1:0', 'm5.large:-1']) {
    assert.throws(() => parseNodeGroupSpec(bad), (e: Error) => e instanceof UserError, bad)
  }
})

test.run()
