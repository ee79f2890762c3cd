import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {ipamdEniTags} from '../../../src/core/dry-run/ipamd-eni-tags.js'
import {planPermissionChecks} from '../../../src/core/dry-run/plan-permission-checks.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run --verify-permissions: what is asked')

const primary = ips('10.0.1', 9)
const node = nodeWith({enis: [eniFacts(0, primary), eniFacts(1, ips('10.0.2', 9))], pending: 10, podIps: [...primary, ...ips('10.0.2', 9)]})

test('an attach needs ModifyNetworkInterfaceAttribute (DeleteOnTermination): asked with DryRun against an attached ENI', () => {
  const doc = dryRunNode(node, context)
  assert.ok(doc.actions.some((a) => a.kind === 'attach-eni'))
  const tags = ipamdEniTags({CLUSTER_NAME: 'lab', ADDITIONAL_ENI_TAGS: '{"team":"net","k8s.amazonaws.com/x":"no"}'}, 'i-0abc', '2026-12-02T07:00:00Z')
  const plan = planPermissionChecks(doc.actions, {enis: node.enis, instanceId: 'i-0abc', managedEniIds: node.enis.map((e) => e.id), newEniSecurityGroups: [], newEniSubnet: 'subnet-a', newEniTags: tags, prefixDelegation: false})
  const modify = plan.probes.find((p) => p.probe.action === 'ModifyNetworkInterfaceAttribute')
  assert.equal(modify, {needed: true, probe: {action: 'ModifyNetworkInterfaceAttribute', attachmentId: 'eni-attach-1', networkInterfaceId: 'eni-1aaaa'}})
  const create = plan.probes.find((p) => p.probe.action === 'CreateNetworkInterface')!.probe
  assert.equal('tags' in create && create.tags, {
    'cluster.k8s.amazonaws.com/name': 'lab',
    'node.k8s.amazonaws.com/createdAt': '2026-12-02T07:00:00Z',
    'node.k8s.amazonaws.com/instance_id': 'i-0abc',
    team: 'net',
  })
})

test.run()
