import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {renderDryRun} from '../../../src/output/ipamd-dry-run-view.js'
import {createStyle} from '../../../src/output/style.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: what the input does not show is said, not guessed')

test("the node's aws-node pod without its env (a snapshot): named, the DaemonSet's settings used, not 'no aws-node pod'", async () => {
  const node = nodeWith({enis: [eniFacts(0, ips('10.0.1', 9))], podIps: []})
  node.agent = {daemonSetEnv: {}, podEnv: null, podEnvMissing: true, podName: 'kube-system/aws-node-056q4', startedAt: null, unresolved: []}
  const doc = dryRunNode(node, context)
  assert.is(doc.settings.source, 'daemonset')
  assert.ok(doc.warnings.includes("kube-system/aws-node-056q4 runs on the node, but its env is not in the input: the DaemonSet's settings are used"))
  const text = renderDryRun(doc, await createStyle(false))
  assert.not.match(text, /no aws-node pod on the node/)
  assert.match(text, /aws-node DaemonSet \(kube-system\/aws-node-056q4's env is not\s+known\)/)
})

test('ENIs with no attach time and no aws-node start: the assumption used is given, not "ages from EC2 attach time"', () => {
  const node = nodeWith({enis: [eniFacts(0, ips('10.0.1', 9), {attachTime: null}), eniFacts(1, [], {attachTime: null})], podIps: []})
  node.agent = {...node.agent, startedAt: null}
  const doc = dryRunNode(node, context)
  assert.not.ok(doc.assumptions.some((a) => a.startsWith('ENI ages count from the EC2 attach time')))
  assert.ok(doc.assumptions.includes('eni-0aaaa, eni-1aaaa: no attach time and no aws-node start, so taken as attached now (AGE ?): not freed for its first 60 s'))
  assert.equal(doc.current.interfaces.map((e) => e.ageSeconds), [null, null])
})

test.run()
