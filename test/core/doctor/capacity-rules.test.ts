import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import type {DoctorEni, DoctorSubnet} from '../../../src/core/doctor/cluster-objects.js'
import {classifyBlocks} from '../../../src/core/doctor/prefix-blocks.js'
import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {subnetFree} from '../../../src/core/doctor/subnet-space.js'
import {awsNode, inputWith} from './doctor-fixture.js'

const test = suite('capacity rules at their edges')
const only = (id: string) => ({only: [id], severity: {}, skip: []})

function eni(id: string, ips: string[], extra: Partial<DoctorEni> = {}): DoctorEni {
  return {
    attachment: null, availabilityZone: 'us-west-2a', description: null, interfaceType: 'interface', ipv4Prefixes: [], networkInterfaceId: id,
    primary: false, privateIpAddress: ips[0] ?? null, secondaryIpAddresses: ips.slice(1), status: 'in-use', subnetId: 'subnet-a', tags: {}, ...extra,
  }
}

const subnet = (free: number, cidr = '10.0.0.0/24'): DoctorSubnet => ({availabilityZone: 'us-west-2a', availableIpAddressCount: free, cidrBlock: cidr, subnetId: 'subnet-a', tags: {}})

test('/28 blocks of a /26: AWS-reserved and used addresses fragment blocks, a prefix is its own class, explicit reservations are out', () => {
  const enis = [eni('eni-1', ['10.0.0.4', '10.0.0.5']), eni('eni-2', ['10.0.0.20'], {ipv4Prefixes: ['10.0.0.32/28']})]
  const usage = classifyBlocks('10.0.0.0/26', enis, [{cidr: '10.0.0.48/28', reservationType: 'explicit', subnetId: 'subnet-a'}])
  assert.equal(usage, {fragmented: 2, free: 0, full: 0, prefix: 1, reserved: 1, score: 100})
  const roomy = classifyBlocks('10.0.0.0/26', [], [])
  assert.equal([roomy.free, roomy.fragmented, roomy.score], [2, 2, 50])
})

test('free addresses count the unused part of prefix reservations, which AvailableIpAddressCount leaves out', () => {
  const reservation = {cidr: '10.0.0.128/26', reservationType: 'prefix' as const, subnetId: 'subnet-a'}
  const enis = [eni('eni-1', ['10.0.0.10'], {ipv4Prefixes: ['10.0.0.128/28']})]
  assert.equal(subnetFree(subnet(40), [reservation], enis), {available: 40, free: 88, reservedForPrefixes: 48})
  assert.equal(subnetFree(subnet(40), [{...reservation, reservationType: 'explicit'}], enis), {available: 40, free: 40, reservedForPrefixes: 0})
})

test('CNI006: 5 free is an error, 6 and 15 warnings, 16 nothing; only the cluster\'s own subnets', () => {
  const grade = (free: number) => {
    const eksCluster = {ipFamily: 'ipv4', kubernetesVersion: '1.31', name: 'lab', subnetIds: ['subnet-a']}
    return runChecks(inputWith({eksCluster, subnets: [subnet(free), {...subnet(0), subnetId: 'subnet-other'}]}), only('CNI006')).findings.map((f) => f.severity)
  }

  assert.equal([grade(5), grade(6), grade(15), grade(16)], [['error'], ['warning'], ['warning'], []])
})

test('CNI006: EKS IP_NOT_AVAILABLE on the cluster is an error on the cluster', () => {
  const eksCluster = {ipFamily: 'ipv4', issues: [{code: 'IP_NOT_AVAILABLE', message: 'no free IPs', resourceIds: ['subnet-a']}], kubernetesVersion: '1.31', name: 'lab', subnetIds: []}
  const [finding] = runChecks(inputWith({eksCluster, subnets: []}), only('CNI006')).findings
  assert.equal([finding.severity, finding.resource], ['error', {kind: 'Cluster', name: 'lab'}])
})

test('CNI007: an ENI detached minutes ago is on its way out; an old one leaked; cleanup off makes it an error', () => {
  const leaked = (createdAt: string) => eni('eni-9', ['10.0.0.9', '10.0.0.10'], {description: 'aws-K8S-i-0abc', status: 'available', tags: {'node.k8s.amazonaws.com/createdAt': createdAt}})
  const run = (createdAt: string, env: Record<string, string> = {}) =>
    runChecks(inputWith({awsNode: awsNode(env), networkInterfaces: [leaked(createdAt), eni('eni-lb', ['10.0.0.30'], {status: 'available'})]}), only('CNI007')).findings
  assert.equal(run('2026-12-02T05:55:00Z'), [], 'five minutes old')
  const [warning] = run('2026-12-02T05:00:00Z')
  assert.equal([warning.severity, warning.evidence.addressesHeld, warning.evidence.oldestMinutes], ['warning', 2, 60])
  assert.is(run('2026-12-02T05:00:00Z', {DISABLE_LEAKED_ENI_CLEANUP: 'true'})[0].severity, 'error')
})

test.run()
