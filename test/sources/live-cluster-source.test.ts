import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createLiveClusterSource} from '../../src/sources/live-cluster-source.js'
import {CLUSTER_LAB_NAME, CLUSTER_LAB_REGION, type ClusterLab, podAddresses, startClusterLab} from '../lab/cluster-lab.js'

const test = suite('live ClusterSource against the cluster lab (Kubernetes API, moto, EKS fake)')
let lab: ClusterLab

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

const live = (extra: {cluster?: string; region?: string} = {}) =>
  createLiveClusterSource({kubeconfig: lab.kube.kubeconfig, region: CLUSTER_LAB_REGION, 'request-timeout': 10, ...extra})

test('nodes, their EC2 instances and ENIs, and their pods describe one cluster', async () => {
  const source = live()
  try {
    const nodes = await source.listNodes()
    const instanceIds = nodes.map((n) => n.instanceId!).sort()
    assert.equal(instanceIds, lab.scenario.nodes.map((n) => n.instanceId).sort())
    const instances = await source.describeInstances(instanceIds)
    assert.equal(instances.map((i) => i.instanceType).sort(), lab.scenario.nodes.map((n) => n.instanceType).sort())
    const enis = await source.describeNetworkInterfaces(instanceIds)
    assert.is(enis.length, lab.scenario.nodes.reduce((sum, n) => sum + n.enis.length, 0))
    const held = new Set(lab.scenario.nodes.flatMap((n) => podAddresses(n)))
    const pods = (await source.listPods()).filter((p) => !p.hostNetwork)
    assert.ok(pods.length > 0)
    for (const pod of pods) assert.ok(held.has(pod.podIp!), `${pod.name} has ${pod.podIp}, an address the node's ENIs hold`)
    const subnets = await source.describeSubnets([...new Set(enis.map((e) => e.subnetId).filter((id): id is string => id !== null))])
    assert.ok(subnets.length > 0)
  } finally {
    source.close()
  }
})

test('one EC2 client for all of a source\'s calls: one connection, not one per call', async () => {
  const source = live()
  try {
    const before = lab.aws.ec2.connections()
    const subnetIds = lab.scenario.subnets.map((s) => s.subnetId)
    await source.describeSubnets(subnetIds)
    await source.describeInstances(lab.scenario.nodes.map((n) => n.instanceId))
    await source.describeSubnets(subnetIds)
    assert.is(lab.aws.ec2.connections() - before, 1)
  } finally {
    source.close()
  }
})

test('the EKS cluster is named by the kubeconfig context ARN; the add-on answers', async () => {
  const source = live()
  try {
    const addon = await source.describeAddon()
    assert.ok(addon.available, 'DescribeAddon answered')
    assert.is(addon.available && addon.value?.addonVersion, 'v1.19.0-eksbuild.1')
    assert.is(source.origin.eksCluster, CLUSTER_LAB_NAME)
    assert.ok(source.origin.context?.cluster.endsWith(`cluster/${CLUSTER_LAB_NAME}`))
    assert.not.ok(JSON.stringify(source.origin).includes('token'), 'the origin holds no credential')
  } finally {
    source.close()
  }
})

test('an unknown cluster is a note, not a failure', async () => {
  const source = live({cluster: 'no-such-cluster'})
  try {
    const addon = await source.describeAddon()
    assert.is(addon.available, false)
  } finally {
    source.close()
  }
})

test('without --region or AWS_REGION, EC2 uses the region of the context ARN', async () => {
  const saved = process.env.AWS_REGION
  delete process.env.AWS_REGION
  try {
    const source = createLiveClusterSource({kubeconfig: lab.kube.kubeconfig, 'request-timeout': 10})
    const nodes = await source.listNodes()
    assert.is((await source.describeInstances([nodes[0].instanceId!])).length, 1)
    assert.is(source.origin.region, CLUSTER_LAB_REGION)
    source.close()
  } finally {
    if (saved === undefined) delete process.env.AWS_REGION
    else process.env.AWS_REGION = saved
  }
})

test('only reads: Kubernetes GETs, EC2 Describe*, EKS GETs', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.aws.ec2Requests().filter((r) => !r.action.startsWith('Describe') && !r.dryRun), [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
})

test.run()
