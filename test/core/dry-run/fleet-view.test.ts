import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {summarizeFleet, toFleetRow} from '../../../src/core/dry-run/fleet-rows.js'
import {renderFleet} from '../../../src/output/ipamd-dry-run-view.js'
import {createStyle} from '../../../src/output/style.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run --all: the table')

const primary = ips('10.0.1', 9)
const node = {...nodeWith({enis: [eniFacts(0, primary), eniFacts(1, ips('10.0.2', 9))], podIps: primary.slice(0, 3)}), node: {...nodeWith({enis: [], podIps: []}).node, name: 'ip-10-0-1-23.eu-west-1.compute.internal'}}

test('with --set, a PROPOSED column with the proposed addresses, within 80 columns', async () => {
  const row = toFleetRow(dryRunNode(node, {...context, set: {WARM_IP_TARGET: '2'}}))
  const text = renderFleet(summarizeFleet([row]), await createStyle(false))
  const [head, first] = text.split('\n')
  assert.match(head, /PROJ +PROPOSED +NEXT/)
  assert.match(first, new RegExp(` ${row.proposedIps} +\\S`))
  assert.ok(text.split('\n').every((line) => line.length <= 80), text)
})

test('without --set, no PROPOSED column', async () => {
  const text = renderFleet(summarizeFleet([toFleetRow(dryRunNode(node, context))]), await createStyle(false))
  assert.not.match(text, /PROPOSED/)
})

test.run()
