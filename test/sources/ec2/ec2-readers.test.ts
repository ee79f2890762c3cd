import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseProviderId} from '../../../src/core/provider-id.js'
import {describeInstances} from '../../../src/sources/ec2/describe-instances.js'
import {describeNetworkInterfaces} from '../../../src/sources/ec2/describe-network-interfaces.js'
import {describeSubnets} from '../../../src/sources/ec2/describe-subnets.js'
import {type AwsLab, startAwsLab} from '../../lab/aws-lab.js'
import type {LabScenario} from '../../lab/ec2-scenario-spec.js'

const test = suite('EC2 readers against moto')
let lab: AwsLab
let scenario: LabScenario
const aws = {region: 'us-west-2'}

test.before(async () => {
  lab = await startAwsLab()
  scenario = await lab.scenario()
})
test.after(async () => lab?.stop())

test('describeInstances finds every node by the instance id in its providerID', async () => {
  const ids = scenario.nodes.map((node) => parseProviderId(node.providerId)!.instanceId)
  const instances = await describeInstances(aws, [...ids, 'i-0000000000000dead'])
  assert.is(instances.length, scenario.nodes.length, 'an unknown id is absent, not an error')
  for (const node of scenario.nodes) {
    const instance = instances.find((i) => i.instanceId === node.instanceId)!
    assert.is(instance.instanceType, node.instanceType)
    assert.is(instance.availabilityZone, node.availabilityZone)
    assert.is(instance.privateIpAddress, node.privateIp)
    assert.is(instance.subnetId, node.subnetId)
    assert.is(instance.vpcId, scenario.vpcId)
    assert.is(instance.state, 'running')
    assert.equal(instance.networkInterfaceIds, node.enis.map((eni) => eni.networkInterfaceId))
    assert.is(instance.tags[`kubernetes.io/cluster/${scenario.clusterName}`], 'owned')
  }
})

test('describeNetworkInterfaces returns each ENI with its addresses, prefixes and attachment', async () => {
  const enis = await describeNetworkInterfaces(aws, scenario.nodes.map((node) => node.instanceId))
  const expected = scenario.nodes.flatMap((node) => node.enis.map((eni) => ({eni, node})))
  assert.is(enis.length, expected.length)
  for (const {eni, node} of expected) {
    const got = enis.find((e) => e.networkInterfaceId === eni.networkInterfaceId)!
    assert.is(got.attachment?.instanceId, node.instanceId)
    assert.is(got.attachment?.deviceIndex, eni.deviceIndex)
    assert.is(got.attachment?.networkCardIndex, 0)
    assert.is(got.primary, eni.primary)
    assert.is(got.privateIpAddress, eni.primaryIp)
    assert.equal([...got.secondaryIpAddresses].sort(), [...eni.secondaryIps].sort())
    assert.equal(got.ipv4Prefixes, eni.prefixes)
    assert.is(got.subnetId, eni.subnetId)
    assert.equal(got.securityGroupIds, [scenario.securityGroupId])
    if (!eni.primary) assert.is(got.tags['node.k8s.amazonaws.com/instance_id'], node.instanceId)
  }

  const order = enis.map((e) => `${e.attachment?.instanceId}/${e.attachment?.deviceIndex}`)
  assert.equal(order, [...order].sort(), 'sorted by instance, then device index')
})

test('the prefix-mode node holds two /28 prefixes and no secondary IPs', async () => {
  const node = scenario.nodes.find((n) => n.instanceType === 'c5.4xlarge')!
  const [eni] = await describeNetworkInterfaces(aws, [node.instanceId])
  assert.is(eni.ipv4Prefixes.length, 2)
  assert.ok(eni.ipv4Prefixes.every((prefix) => prefix.endsWith('/28')))
  assert.equal(eni.secondaryIpAddresses, [])
})

test('describeSubnets reports free addresses: one left in the /28, prefixes counted in the /20', async () => {
  const subnets = await describeSubnets(aws, scenario.subnets.map((s) => s.subnetId))
  assert.is(subnets.length, 2)
  const [big, small] = scenario.subnets.map((s) => subnets.find((got) => got.subnetId === s.subnetId)!)
  assert.is(small.cidrBlock, '10.0.16.0/28')
  assert.is(small.availabilityZone, 'us-west-2b')
  assert.is(small.availableIpAddressCount, 16 - 5 - 10)
  // 4,091 usable, minus 20 addresses of the m5.large node, 1 of the c5.4xlarge, and 2 prefixes of 16.
  assert.is(big.availableIpAddressCount, 4091 - 20 - 1 - 32)
  assert.is(big.vpcId, scenario.vpcId)
})

test('no ids means no request', async () => {
  const before = lab.ec2Requests().length
  assert.equal(await describeInstances(aws, []), [])
  assert.equal(await describeNetworkInterfaces(aws, []), [])
  assert.equal(await describeSubnets(aws, []), [])
  assert.is(lab.ec2Requests().length, before)
})

test('the results are plain JSON data', async () => {
  const ids = scenario.nodes.map((node) => node.instanceId)
  for (const value of [await describeInstances(aws, ids), await describeNetworkInterfaces(aws, ids), await describeSubnets(aws)]) {
    assert.equal(JSON.parse(JSON.stringify(value)), value)
  }
})

test('more than 200 ids go out in batches of 200, and every instance and ENI comes back', async () => {
  const sdk = await import('@aws-sdk/client-ec2')
  const client = new sdk.EC2Client({endpoint: lab.moto.endpoint})
  const subnetId = scenario.subnets[0].subnetId
  const run = await client.send(new sdk.RunInstancesCommand({ImageId: 'ami-12c6146b', InstanceType: 't3.small', MaxCount: 230, MinCount: 230, SubnetId: subnetId}))
  client.destroy()
  const ids = [...scenario.nodes.map((n) => n.instanceId), ...run.Instances!.map((i) => i.InstanceId!)]
  const before = lab.ec2Requests().length
  assert.is((await describeInstances(aws, ids)).length, ids.length)
  assert.is((await describeNetworkInterfaces(aws, ids)).length, 5 + 230)
  const requests = lab.ec2Requests().slice(before)
  assert.equal(requests.map((r) => r.action), ['DescribeInstances', 'DescribeInstances', 'DescribeNetworkInterfaces', 'DescribeNetworkInterfaces'])
  assert.ok(requests.every((r) => Object.keys(r.params).filter((k) => k.startsWith('Filter.1.Value.')).length <= 200))
})

test.run()
