import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {MOST_PODS_ANY_NODE} from '../../../src/core/ipamd/node-capacity.js'
import {allInstanceTypes} from '../../../src/data/instance-catalog.js'

const test = suite('node capacity bounds')

test('MOST_PODS_ANY_NODE is the largest IP-limited value of any type, with prefixes on the default card', () => {
  const most = Math.max(...allInstanceTypes().map((t) => t.eniLimit * (t.ipv4PerEni - 1) * 16 + 2))
  assert.is(MOST_PODS_ANY_NODE, most)
})

test.run()
