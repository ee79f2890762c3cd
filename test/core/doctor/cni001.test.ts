import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {awsNode, inputWith, node} from './doctor-fixture.js'

const test = suite('CNI001 node max-pods above what its ENIs address')
const only = {only: ['CNI001'], severity: {}, skip: []}

test('AMI values in secondary-IP mode are what the ENIs address: no finding', () => {
  const nodes = [node('1', 'm5.large', 29), node('2', 'c5.4xlarge', 234), node('3', 't3.medium', 17)]
  const report = runChecks(inputWith({awsNode: awsNode(), nodes}), only)
  assert.equal(report.findings, [])
  assert.equal(report.checked, ['CNI001'])
})

test('custom networking with the AMI value: (3-1)×9+2 = 20 < 29, one error for the node group with its numbers', () => {
  const nodes = [node('1', 'm5.large', 29), node('2', 'm5.large', 29)]
  const report = runChecks(inputWith({awsNode: awsNode({AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true'}), nodes}), only)
  assert.is(report.findings.length, 1)
  const [finding] = report.findings
  assert.is(finding.severity, 'error')
  assert.equal(finding.resource, {kind: 'NodeGroup', name: 'ng-general'})
  assert.is(finding.evidence.capacityPods, 29)
  assert.is(finding.evidence.ipLimitedMaxPods, 20)
  assert.is(finding.evidence.nodeCount, 2)
  assert.match(finding.remedy, /set kubelet max-pods to 20 \(vpccni max-pods m5\.large --custom-networking\)/)
  assert.is(finding.docs, 'docs/checks.md#cni001')
  assert.equal(report.summary, {error: 1, info: 0, warning: 0})
})

test('security groups for pods reserve the trunk ENI: m5.large 29 > (3-1)×9+2', () => {
  const report = runChecks(inputWith({awsNode: awsNode({ENABLE_POD_ENI: 'true'}), nodes: [node('1', 'm5.large', 29, '')]}), only)
  assert.is(report.findings.length, 1)
  assert.equal(report.findings[0].resource, {kind: 'Node', name: 'ip-10-0-0-1.us-west-2.compute.internal'})
})

test('prefix delegation raises the limit: the secondary-IP value is not above it', () => {
  const report = runChecks(inputWith({awsNode: awsNode({ENABLE_PREFIX_DELEGATION: 'true'}), nodes: [node('1', 'm5.large', 29), node('2', 'm5.large', 110)]}), only)
  assert.equal(report.findings, [])
})

test('a type the embedded table does not know is said, as info, not skipped', () => {
  const report = runChecks(inputWith({awsNode: awsNode(), nodes: [node('1', 'zz9.mega', 50)]}), only)
  assert.is(report.findings.length, 1)
  assert.is(report.findings[0].severity, 'info')
  assert.equal(report.findings[0].resource, {kind: 'InstanceType', name: 'zz9.mega'})
})

test('IPv6: pods take addresses from the primary ENI\'s /80 prefix, max-pods is not IP-limited', () => {
  const report = runChecks(inputWith({awsNode: awsNode({ENABLE_IPv4: 'false', ENABLE_IPv6: 'true'}), nodes: [node('1', 'm5.large', 110)]}), only)
  assert.equal(report.findings, [])
})

test('no aws-node DaemonSet (another CNI): nothing to compare against', () => {
  assert.equal(runChecks(inputWith({awsNode: null, nodes: [node('1', 'm5.large', 110)]}), only).findings, [])
})

test.run()
