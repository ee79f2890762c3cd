import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {planPermissionChecks} from '../../../src/core/dry-run/plan-permission-checks.js'
import {context, eniFacts, ips, nodeWith} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: an ENI ipamd does not manage')

// The review's lab s1: a no_manage ENI at device 1, the pool needs another ENI.
const primary = ips('10.0.1', 9)
const noManage = eniFacts(1, ips('10.0.2', 3), {tags: {'node.k8s.amazonaws.com/no_manage': 'true'}})
const node = nodeWith({enis: [eniFacts(0, primary), noManage], pending: 3, podIps: primary})

test('the new ENI skips the device index the unmanaged ENI takes', () => {
  const doc = dryRunNode(node, context)
  const attach = doc.actions.find((a) => a.kind === 'attach-eni')
  assert.match(attach?.text ?? '', /attach a new ENI at device 2 /)
})

test('--verify-permissions never asks Detach or Delete about an ENI ipamd does not manage', () => {
  const doc = dryRunNode(node, context)
  const managedEniIds = doc.current.interfaces.filter((e) => e.role === 'pool').map((e) => e.id)
  const plan = planPermissionChecks(doc.actions, {enis: node.enis, instanceId: 'i-0abc', managedEniIds, newEniSecurityGroups: [], newEniSubnet: 'subnet-a', newEniTags: {}, prefixDelegation: false})
  assert.not.ok(plan.probes.some((p) => 'networkInterfaceId' in p.probe && p.probe.action !== 'AttachNetworkInterface' && p.probe.networkInterfaceId === noManage.id))
  assert.not.ok(plan.probes.some((p) => p.probe.action === 'DetachNetworkInterface'))
  assert.match(plan.fixed.find((c) => c.action === 'ec2:DetachNetworkInterface')?.detail ?? '', /not checkable: .* no secondary ENI ipamd manages/)
})

test.run()
