import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createCompactor} from '../../src/sources/compact.js'

const test = suite('createCompactor: equal parts of a list shared, arrays cut to length, values unchanged')

const pod = (name: string, ips: string[]) => ({
  agent: {env: [{name: 'WARM_ENI_TARGET', value: '1'}, {name: 'MY_NODE_NAME', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName'}}}]},
  ips: ips.filter(Boolean),
  name,
  ready: true,
  restarts: 0,
  skipped: undefined,
})

test('a summary is the same JSON after, and equal objects of plain values become one', () => {
  const keep = createCompactor()
  const [a, b] = [pod('a', ['10.0.0.1']), pod('b', ['10.0.0.2', ''])]
  const before = JSON.stringify([a, b])
  const [ka, kb] = [keep(a), keep(b)]
  assert.is(JSON.stringify([ka, kb]), before)
  assert.ok('skipped' in kb, 'an undefined field stays')
  assert.ok(ka.agent.env[0] === kb.agent.env[0], 'the same env entry is one object')
  assert.ok(ka.agent.env[1] !== kb.agent.env[1], 'an entry holding an object is not shared (it may differ in depth)')
  assert.ok(ka.agent.env !== kb.agent.env, 'arrays are never shared')
})

test('another list shares nothing with the first', () => {
  const [first, second] = [createCompactor(), createCompactor()]
  assert.ok(first({e: {name: 'X', value: '1'}}).e !== second({e: {name: 'X', value: '1'}}).e)
})

test('an object with an undefined or non-finite value is not shared with one that has it missing or null', () => {
  const keep = createCompactor()
  const a = keep<{o: {n: null | number}}>({o: {n: null}})
  assert.ok(keep({o: {n: Number.NaN}}).o !== a.o)
  assert.ok(keep<{o: object}>({o: {n: undefined}}).o !== keep({o: {}}).o)
  assert.ok(keep({o: {n: null}}).o === a.o)
})

test('a frozen object (labels shared by their own interner) is kept as it is', () => {
  const labels = Object.freeze({app: 'web'})
  const keep = createCompactor()
  assert.ok(keep({labels}).labels === labels)
  assert.ok(keep({labels: Object.freeze({app: 'web'})}).labels !== labels, 'not merged with an equal one either')
})

test('the tables grow with the list and keep what they held: a value kept before the growth is still shared after', () => {
  const keep = createCompactor()
  const first = keep({e: {name: 'WARM_ENI_TARGET', value: '1'}}).e
  const name = keep({n: 'ip-10-0-0-1.ec2.internal'}).n
  // More values than the first tables' 256 slots: they grow (×4, then ×4 again) on the way.
  for (let i = 0; i < 2000; i++) keep({e: {name: `VAR_${i}`, value: String(i)}})
  assert.ok(keep({e: {name: 'WARM_ENI_TARGET', value: '1'}}).e === first)
  assert.ok(keep({n: `ip-10-0-0-${1}.ec2.internal`}).n === name)
})

test.run()
