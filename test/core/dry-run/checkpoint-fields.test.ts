import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {parseCheckpoint} from '../../../src/core/dry-run/parse-checkpoint.js'
import {checkpointJson} from '../../helpers/ipamd-files.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run --checkpoint: its fields are checked')

const allocation = (extra: Record<string, unknown>) =>
  JSON.stringify({allocations: [{containerID: 'c1', ifName: 'eth0', networkName: 'aws-cni', ...extra}], version: 'vpc-cni-ipam/1'})

test('a bad IP or a field of the wrong type: bad input naming the file and the field', () => {
  assert.throws(() => parseCheckpoint(allocation({ipv4: '10.0.1.300'}), 'ipam.json'), /--checkpoint ipam\.json: .*allocation 0 field ipv4: "10\.0\.1\.300" is not an IPv4 address/)
  assert.throws(() => parseCheckpoint(allocation({ipv4: '10.0.1.3', metadata: 'x'}), 'ipam.json'), /--checkpoint ipam\.json: .*allocation 0 field metadata is not an object/)
  assert.throws(() => parseCheckpoint(allocation({ipv4: '10.0.1.3', metadata: {k8sPodName: 7}}), 'ipam.json'), /allocation 0 field metadata\.k8sPodName is not a string/)
})

test("an address the checkpoint holds that no ENI of the node has: an anomaly", () => {
  const primary = ips('10.0.1', 9)
  const view = parseCheckpoint(checkpointJson([{address: '10.9.9.9', pod: 'default/web-0'}, {address: primary[0], pod: 'default/web-0'}]), 'ipam.json')
  const doc = dryRunNode(nodeWith({enis: [eniFacts(0, primary)], podIps: [primary[0]]}), {...context, checkpoint: view})
  assert.equal(doc.anomalies.map((a) => [a.code, a.subject]), [['datastore-ip-on-no-eni', '10.9.9.9']])
})

test.run()
