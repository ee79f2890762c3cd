import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {CHECK_SCOPES, countedUnder, examinedResources} from '../../../src/core/doctor/examined-resources.js'
import {CHECK_REGISTRY} from '../../../src/core/doctor/registry.js'
import {awsNode, inputWith, node} from './doctor-fixture.js'

const test = suite('what each check looked at (the JUnit testcases), from the gathered input')

test('every check says what it looks at', () => {
  assert.equal(Object.keys(CHECK_SCOPES).sort(), CHECK_REGISTRY.map((c) => c.id).sort())
})

test('5,000 nodes in three node groups are three resources for a node check, not 5,000; a node in none is its own', () => {
  const groups = ['ng-general', 'ng-compute', 'ng-small']
  const nodes = Array.from({length: 5000}, (_, i) => node(String(i), 'm5.large', 29, groups[i % 3]))
  const alone = {...node('9999', 'm5.large', 29), labels: {}}
  const fargate = {...node('fargate', 'm5.large', 29), labels: {'eks.amazonaws.com/compute-type': 'fargate'}}
  const subnets = [{availabilityZone: 'us-west-2a', availableIpAddressCount: 10, cidrBlock: '10.0.0.0/24', subnetId: 'subnet-b'}, {availabilityZone: 'us-west-2b', availableIpAddressCount: 10, cidrBlock: '10.0.1.0/24', subnetId: 'subnet-a'}]
  const examined = examinedResources(inputWith({awsNode: awsNode(), nodes: [...nodes, alone, fargate], subnets: subnets as never}), ['CNI001', 'CNI004', 'CNI010', 'CNI014'])
  assert.equal(examined.byCheck.CNI001, [...groups.map((name) => ({kind: 'NodeGroup', name})), {kind: 'Node', name: alone.name}])
  assert.equal(examined.byCheck.CNI004, [{kind: 'Subnet', name: 'subnet-a'}, {kind: 'Subnet', name: 'subnet-b'}])
  assert.equal(examined.byCheck.CNI010, [{kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'}])
  assert.equal(examined.byCheck.CNI014, [], 'no add-on read: nothing to look at')
  assert.equal(Object.keys(examined.byCheck), ['CNI001', 'CNI004', 'CNI010', 'CNI014'], 'only the checks that ran')
  assert.equal(countedUnder(examined, 'CNI003', {kind: 'Node', name: nodes[4].name}), {kind: 'Node', name: nodes[4].name}, 'CNI003 did not run here')
  assert.equal(countedUnder(examined, 'CNI001', {kind: 'Node', name: nodes[4].name}), {kind: 'NodeGroup', name: 'ng-compute'})
  assert.equal(countedUnder(examined, 'CNI001', {kind: 'Node', name: alone.name}), {kind: 'Node', name: alone.name})
  assert.equal(countedUnder(examined, 'CNI001', {kind: 'InstanceType', name: 'x9.huge'}), {kind: 'InstanceType', name: 'x9.huge'})
})

test.run()
