import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {describeAddon} from '../../../src/sources/eks/describe-addon.js'
import {describeAddonConfiguration} from '../../../src/sources/eks/describe-addon-configuration.js'
import {describeAddonVersions} from '../../../src/sources/eks/describe-addon-versions.js'
import {describeCluster} from '../../../src/sources/eks/describe-cluster.js'
import type {EksAnswer} from '../../../src/sources/eks/eks-types.js'
import {clusterUnknownAnswer, resolveEksTarget} from '../../../src/sources/eks/eks-target.js'
import {listNodegroups} from '../../../src/sources/eks/list-nodegroups.js'
import {setAwsLabEnv} from '../../lab/aws-lab-env.js'
import {type EksFake, startEksFake} from '../../lab/eks-fake.js'
import {defaultEksState} from '../../lab/eks-fixtures.js'
import {findFreePort} from '../../lab/free-port.js'

const test = suite('EKS readers against the EKS fake')
let eks: EksFake
let restoreEnv: () => void
const aws = {region: 'us-west-2'}

function value<T>(answer: EksAnswer<T>): T {
  if (!answer.available) throw new Error(`expected an answer, got: ${answer.reason}`)
  return answer.value
}

function note<T>(answer: EksAnswer<T>): Extract<EksAnswer<T>, {available: false}> {
  if (answer.available) throw new Error('expected a note, got an answer')
  return answer
}

test.before(async () => {
  eks = await startEksFake()
  restoreEnv = setAwsLabEnv({eks: eks.endpoint})
})
test.before.each(() => {
  eks.clearFaults()
  eks.state = defaultEksState()
})
test.after(async () => {
  restoreEnv?.()
  await eks?.stop()
})

test('describeCluster: version, VPC and network settings', async () => {
  const cluster = value(await describeCluster(aws, 'lab-cluster'))
  assert.is(cluster.kubernetesVersion, '1.31')
  assert.is(cluster.arn, 'arn:aws:eks:us-west-2:111122223333:cluster/lab-cluster')
  assert.is(cluster.vpcId, 'vpc-0123456789abcdef0')
  assert.is(cluster.serviceIpv4Cidr, '172.20.0.0/16')
  assert.is(cluster.ipFamily, 'ipv4')
  assert.equal(cluster.securityGroupIds, ['sg-0c1a2b3c4d5e6f708'])
  assert.equal(eks.requests.at(-1), {method: 'GET', operation: 'DescribeCluster', path: '/clusters/lab-cluster', query: {}})
})

test('describeAddon: the vpc-cni EKS add-on with its configuration values and dates', async () => {
  const addon = value(await describeAddon(aws, 'lab-cluster'))!
  assert.is(addon.addonVersion, 'v1.19.0-eksbuild.1')
  assert.is(addon.status, 'ACTIVE')
  assert.equal(JSON.parse(addon.configurationValues!), {env: {MINIMUM_IP_TARGET: '10', WARM_IP_TARGET: '5'}})
  assert.is(addon.createdAt, '2025-11-24T16:00:00.000Z')
  assert.equal(addon.issues, [])
  assert.is(eks.requests.at(-1)?.path, '/clusters/lab-cluster/addons/vpc-cni')
})

test('describeAddon: a cluster without the add-on answers null (self-managed CNI)', async () => {
  eks.state.addons['lab-cluster'] = {}
  assert.is(value(await describeAddon(aws, 'lab-cluster')), null)
})

test('describeAddon: health issues come through', async () => {
  Object.assign(eks.state.addons['lab-cluster']['vpc-cni'], {
    health: {issues: [{code: 'ConfigurationConflict', message: 'Conflicts found when trying to apply.', resourceIds: ['aws-node']}]},
    status: 'DEGRADED',
  })
  const addon = value(await describeAddon(aws, 'lab-cluster'))!
  assert.is(addon.status, 'DEGRADED')
  assert.equal(addon.issues, [{code: 'ConfigurationConflict', message: 'Conflicts found when trying to apply.', resourceIds: ['aws-node']}])
})

test('an unknown cluster is a note, not an error', async () => {
  const answer = note(await describeAddon(aws, 'no-such-cluster'))
  assert.is(answer.call, 'eks:DescribeAddon')
  assert.match(answer.reason, /^eks:DescribeAddon: ResourceNotFoundException: No cluster found for name: no-such-cluster/)
  assert.match(note(await describeCluster(aws, 'no-such-cluster')).reason, /No cluster found/)
})

test('describeAddonVersions: every version for one Kubernetes version, with its default flag', async () => {
  const versions = value(await describeAddonVersions(aws, {kubernetesVersion: '1.31'}))
  assert.equal(versions.map((v) => v.addonVersion), ['v1.20.1-eksbuild.3', 'v1.19.5-eksbuild.1', 'v1.19.0-eksbuild.1', 'v1.18.5-eksbuild.1'])
  assert.equal(versions.filter((v) => v.compatibilities[0].defaultVersion).map((v) => v.addonVersion), ['v1.19.0-eksbuild.1'])
  assert.equal(eks.requests.at(-1)?.query, {addonName: 'vpc-cni', kubernetesVersion: '1.31'})
  assert.is(value(await describeAddonVersions(aws)).length, 4)
  assert.equal(value(await describeAddonVersions(aws, {kubernetesVersion: '1.29'})), [])
})

test('describeAddonConfiguration: the schema string for that exact version', async () => {
  const config = value(await describeAddonConfiguration(aws, 'v1.19.0-eksbuild.1'))
  const schema = JSON.parse(config.configurationSchema!) as {definitions: {Env: {properties: object}}}
  assert.ok('WARM_IP_TARGET' in schema.definitions.Env.properties)
  assert.equal(eks.requests.at(-1)?.query, {addonName: 'vpc-cni', addonVersion: 'v1.19.0-eksbuild.1'})
  assert.match(note(await describeAddonConfiguration(aws, 'v0.0.1-eksbuild.1')).reason, /InvalidParameterException/)
})

test('AccessDeniedException is a note naming the IAM permission', async () => {
  eks.addFault({kind: 'deny', operation: 'DescribeAddon'})
  const answer = note(await describeAddon(aws, 'lab-cluster'))
  assert.is(answer.permission, 'eks:DescribeAddon')
  assert.match(answer.reason, /^eks:DescribeAddon: permission denied \(AccessDeniedException\)/)
  assert.match(answer.hint ?? '', /grant eks:DescribeAddon/)
})

test('ThrottlingException twice, then success: the SDK retries', async () => {
  eks.addFault({kind: 'throttle', operation: 'DescribeCluster', times: 2})
  const before = eks.requests.length
  assert.is(value(await describeCluster(aws, 'lab-cluster')).name, 'lab-cluster')
  assert.is(eks.requests.length - before, 3)
})

test('no EKS endpoint at all is a note', async () => {
  const restore = setAwsLabEnv({eks: `http://127.0.0.1:${await findFreePort()}`})
  try {
    const answer = note(await describeCluster({...aws, timeoutMs: 2000}, 'lab-cluster'))
    assert.match(answer.reason, /^eks:DescribeCluster: endpoint unreachable/)
  } finally {
    restore()
  }
})

test('the cluster name and region come from --cluster or the kubeconfig context ARN', () => {
  const arn = 'arn:aws:eks:eu-central-1:111122223333:cluster/prod-a'
  assert.equal(resolveEksTarget({}, undefined, ['kind-kind', arn]), {clusterName: 'prod-a', options: {region: 'eu-central-1'}, source: 'kubeconfig'})
  assert.equal(resolveEksTarget({region: 'us-west-2'}, undefined, [arn])?.options.region, 'us-west-2', '--region wins')
  assert.equal(resolveEksTarget({}, 'lab', [arn]), {clusterName: 'lab', options: {region: undefined}, source: 'flag'})
  assert.is(resolveEksTarget({}, undefined, ['kind-kind', undefined]), undefined)
  assert.equal(clusterUnknownAnswer('eks:DescribeAddon'), {
    available: false,
    call: 'eks:DescribeAddon',
    hint: 'pass --cluster NAME',
    permission: null,
    reason: 'eks:DescribeAddon: no EKS cluster name (the kubeconfig context names no EKS cluster ARN or eksctl cluster)',
  })
})

test('the answers are plain JSON data, and every request was a read', async () => {
  const answers = [
    await describeCluster(aws, 'lab-cluster'),
    await describeAddon(aws, 'lab-cluster'),
    await describeAddonVersions(aws),
    await describeAddonConfiguration(aws, 'v1.19.5-eksbuild.1'),
  ]
  for (const answer of answers) assert.equal(JSON.parse(JSON.stringify(answer)), answer)
  assert.ok(eks.requests.every((r) => r.method === 'GET' && r.operation !== 'unknown'))
})

test('ListNodegroups pages through every name, then DescribeNodegroup each: scaling config, types, subnets', async () => {
  const nodegroup = (i: number) => ({
    capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large'], labels: {team: 'a'}, nodegroupName: `ng-${i}`,
    scalingConfig: {desiredSize: i, maxSize: i + 10, minSize: 0}, status: 'ACTIVE', subnets: [`subnet-${i}`],
  })
  eks.state.nodeGroups['lab-cluster'] = Object.fromEntries(Array.from({length: 150}, (_, i) => [`ng-${i}`, nodegroup(i)]))
  const groups = value(await listNodegroups(aws, 'lab-cluster'))
  assert.is(groups.length, 150)
  const last = groups.find((g) => g.name === 'ng-149')
  assert.equal(last, {
    capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large'], issues: [], labels: {team: 'a'}, name: 'ng-149',
    scaling: {desiredSize: 149, maxSize: 159, minSize: 0}, status: 'ACTIVE', subnetIds: ['subnet-149'],
  })
  const lists = eks.requests.filter((r) => r.operation === 'ListNodegroups')
  assert.is(lists.length, 2, 'two pages')
  assert.is(eks.requests.filter((r) => r.operation === 'DescribeNodegroup').length, 150)
})

test('ListNodegroups refused: an answer naming the permission, not a throw', async () => {
  eks.addFault({kind: 'deny', operation: 'ListNodegroups'})
  const answer = note(await listNodegroups(aws, 'lab-cluster'))
  assert.is(answer.permission, 'eks:ListNodegroups')
})

test.run()
