import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: CIDRs left from the other mode')

test('PD on a primary ENI with 9 leftover /32s and 3 pods: the unused /32s go at start, one prefix, settled (no attach/free flap)', () => {
  // The review's lab s7: m5.large, WARM_PREFIX_TARGET=1.
  const primary = ips('10.0.1', 9)
  const node = nodeWith({enis: [eniFacts(0, primary)], env: {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1'}, podIps: primary.slice(0, 3)})
  const doc = dryRunNode(node, context)
  assert.ok(doc.settled)
  assert.equal(doc.actions.map((a) => a.text), ['now: assign 1 prefix to eni-0aaaa to reach WARM_PREFIX_TARGET=1'])
  assert.equal(doc.anomalies.map((a) => a.code), ['leftover-cidrs', 'pods-on-leftover-cidr'])
  assert.match(doc.anomalies[0].detail, /^6 secondary IP\(s\) \(\/32\) left .* ipamd releases unused ones when it starts/)
  assert.match(doc.anomalies[1].detail, /3 pod\(s\) on secondary IPs \(\/32\) while prefix delegation is on \(default\/web-0, default\/web-1, default\/web-2\)/)
})

test('PD off with 16 pods on a /28: flagged, the /28 keeps its slot', () => {
  const pods = ips('10.0.15', 16, 240)
  const node = nodeWith({enis: [eniFacts(0, ips('10.0.1', 4), {prefixes: ['10.0.15.240/28']})], podIps: pods})
  const doc = dryRunNode(node, context)
  const flagged = doc.anomalies.find((a) => a.code === 'pods-on-leftover-cidr')
  assert.match(flagged?.detail ?? '', /^16 pod\(s\) on the \/28 10\.0\.15\.240\/28 while prefix delegation is off \(default\/web-0, default\/web-1, default\/web-2 and 13 more\)/)
})

test('a node in one mode only has no leftover anomaly', () => {
  const primary = ips('10.0.1', 9)
  assert.equal(dryRunNode(nodeWith({enis: [eniFacts(0, primary)], podIps: primary.slice(0, 3)}), context).anomalies, [])
})

test.run()
