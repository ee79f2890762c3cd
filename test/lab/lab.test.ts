import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createAddressPlan} from './address-plan.js'
import {startMoto} from './moto-server.js'
import {joinXmlItems, splitXmlItems} from './xml-items.js'

const test = suite('the lab itself')

test('without moto_server on PATH the lab fails with the reason, it does not pass', async () => {
  const path = process.env.PATH
  process.env.PATH = '/nonexistent'
  try {
    await startMoto()
    assert.unreachable('startMoto should have failed')
  } catch (error) {
    assert.match((error as Error).message, /moto_server could not be started .*ENOENT.*needs moto 5 on PATH/)
  } finally {
    process.env.PATH = path
  }
})

test('the address plan hands out single IPs from the bottom and /28 prefixes from the top, never overlapping', () => {
  const plan = createAddressPlan('10.0.16.0/27')
  assert.equal([plan.nextIp(), plan.nextIp()], ['10.0.16.4', '10.0.16.5'])
  assert.is(plan.nextPrefix(), '10.0.16.16/28')
  assert.throws(() => plan.nextPrefix(), /no free \/28/)
  for (let i = 6; i < 16; i++) plan.nextIp()
  assert.throws(() => plan.nextIp(), /full/)
})

test('XML items split at the top level only, nested lists stay inside their item', () => {
  const xml = '<R><setA><item><a>1</a><inner><item>x</item><item/></inner></item><item><a>2</a></item></setA><nextToken/></R>'
  const parts = splitXmlItems(xml, 'setA')!
  assert.equal(parts.items, ['<item><a>1</a><inner><item>x</item><item/></inner></item>', '<item><a>2</a></item>'])
  assert.is(joinXmlItems('setA', parts), xml)
  assert.equal(splitXmlItems('<R><setA/></R>', 'setA')?.items, [])
})

test.run()
