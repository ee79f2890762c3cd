import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: custom networking with an ENIConfig ipamd cannot use')

const customNode = (eniConfigs: Array<{name: string; securityGroups: string[]; subnet: string}>) => ({
  ...nodeWith({enis: [eniFacts(0, [])], env: {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', WARM_ENI_TARGET: '1'}, podIps: []}),
  eniConfigs,
})

test('an ENIConfig naming a subnet EC2 does not know (lab s5): an anomaly and a blocked limit, no projected attach', () => {
  const doc = dryRunNode(customNode([{name: 'default', securityGroups: ['sg-1'], subnet: 'subnet-doesnotexist'}]), context)
  assert.equal(doc.actions, [])
  assert.ok(doc.anomalies.some((a) => a.code === 'no-eni-subnet' && /subnet-doesnotexist, which EC2 does not know/.test(a.detail)))
  assert.ok(doc.limits.some((l) => l.kind === 'new-eni-subnet' && l.reached))
  assert.ok(doc.blocked.some((b) => /InvalidSubnetID\.NotFound.*ipamd tries again every reconcile/.test(b)), doc.blocked.join('\n'))
})

test('no ENIConfig of that name: the same, naming the ENIConfig', () => {
  const doc = dryRunNode(customNode([]), context)
  assert.equal(doc.actions, [])
  assert.ok(doc.anomalies.some((a) => a.code === 'no-eni-subnet' && /ENIConfig default, which does not exist/.test(a.detail)))
})

test('an ENIConfig whose subnet exists: the attach is projected', () => {
  const doc = dryRunNode(customNode([{name: 'default', securityGroups: ['sg-1'], subnet: 'subnet-a'}]), context)
  assert.is(doc.actions[0]?.kind, 'attach-eni')
})

test.run()
