import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createKubernetesSource, type KubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {LAB_CLUSTER_ARN} from '../../lab/kubeconfig.js'
import {buildLabCluster, type LabCluster} from '../../lab/scenario.js'

const readers = suite<{cluster: LabCluster; lab: KubeLab; source: KubernetesSource}>('kubernetes readers', {} as never)

readers.before(async (context) => {
  context.cluster = buildLabCluster({
    awsNode: {env: {WARM_ENI_TARGET: '1'}, userEnv: {WARM_IP_TARGET: '5', WARM_PREFIX_TARGET: '0'}},
    eniConfigs: [
      {name: 'us-west-2a', securityGroups: ['sg-0a1b2c3d4e5f60718'], subnet: 'subnet-0aa11bb22cc33dd44'},
      {name: 'us-west-2b', securityGroups: ['sg-0a1b2c3d4e5f60718', 'sg-09f8e7d6c5b4a3921'], subnet: 'subnet-0ee55ff66aa77bb88'},
    ],
    nodeGroups: [
      {count: 3, instanceType: 'm5.large', podsPerNode: 10},
      {count: 2, instanceType: 'c6g.4xlarge', podsPerNode: 25, zones: ['us-west-2c']},
    ],
    nodes: [{annotations: {'k8s.amazonaws.com/eniConfig': 'us-west-2a'}, instanceId: 'i-0feedfacecafe0001', instanceType: 't3.medium', pods: 2, podIps: ['10.9.0.21', '10.9.0.22'], privateIp: '10.9.0.20', zone: 'us-west-2a'}],
    health: {networkPolicies: [
      {name: 'cart', namespace: 'shop', podSelector: {matchExpressions: [{key: 'tier', operator: 'Exists'}], matchLabels: {app: 'cart'}}},
      {name: 'default-deny', namespace: 'payments'},
    ]},
    sandboxFailures: [{namespace: 'shop', nodeName: 'ip-10-0-0-10.us-west-2.compute.internal', podName: 'cart-5d8f7c2b4-abcde'}],
  })
  context.lab = await startKubeLab(context.cluster.state)
  context.source = await createKubernetesSource({kubeconfig: context.lab.kubeconfig})
})

readers.after(async ({lab, source}) => {
  source.close()
  await lab.stop()
})

readers('context names the kubeconfig context, cluster (the EKS ARN) and server', ({lab, source}) => {
  assert.equal(source.context, {cluster: LAB_CLUSTER_ARN, name: LAB_CLUSTER_ARN, server: lab.url, user: 'lab-user'})
})

readers('readServerVersion', async ({source}) => {
  assert.equal(await source.readServerVersion(), {gitVersion: 'v1.31.4-eks-2d5f260', major: '1', minor: '31+', platform: 'linux/amd64'})
})

readers('listNodes: ids, zones, types and pod capacity as the scenario made them', async ({cluster, source}) => {
  const nodes = await source.listNodes()
  assert.is(nodes.length, 6)
  const byName = new Map(nodes.map((n) => [n.name, n]))
  for (const expected of cluster.nodes) {
    const node = byName.get(expected.name)!
    assert.ok(node, expected.name)
    assert.is(node.instanceId, expected.instanceId)
    assert.is(node.zone, expected.zone)
    assert.is(node.instanceType, expected.instanceType)
    assert.is(node.internalIp, expected.privateIp)
    assert.is(node.providerId, `aws:///${expected.zone}/${expected.instanceId}`)
    assert.is(node.capacityPods, expected.maxPods)
    assert.is(node.allocatablePods, expected.maxPods)
    assert.is(node.ready, true)
    assert.match(node.creationTimestamp, /^2026-11-2\dT/)
  }

  // eni-max-pods.txt: m5.large 3 × (10 − 1) + 2 = 29, c6g.4xlarge 8 × 29 + 2 = 234, t3.medium 3 × 5 + 2 = 17.
  assert.equal([...new Set(nodes.map((n) => `${n.instanceType}=${n.capacityPods}`))].sort(), ['c6g.4xlarge=234', 'm5.large=29', 't3.medium=17'])
  const custom = byName.get('ip-10-9-0-20.us-west-2.compute.internal')!
  assert.is(custom.annotations['k8s.amazonaws.com/eniConfig'], 'us-west-2a')
  assert.is(custom.labels['topology.kubernetes.io/zone'], 'us-west-2a')
  assert.is(custom.kubeletVersion, 'v1.31.4-eks-2d5f260')
})

readers('listPods: every pod with its node, IPs and host networking', async ({cluster, source}) => {
  const pods = await source.listPods()
  assert.is(pods.length, cluster.pods.length)
  assert.is(pods.length, 6 * 2 + 3 * 10 + 2 * 25 + 2)
  const expected = cluster.pods.map((p) => ({hostNetwork: p.hostNetwork, name: p.name, namespace: p.namespace, nodeName: p.nodeName, phase: 'Running', podEni: false, podIp: p.ip, podIps: [p.ip]}))
  assert.equal(pods.map(({agent: _agent, labels: _labels, system: _system, ...rest}) => rest), expected)
  // The kube-system pods carry what the health checks read of them (no list of their own); no other pod does.
  const system = cluster.pods.filter((p) => p.namespace === 'kube-system')
  assert.ok(system.length > 0)
  assert.equal(pods.filter((p) => p.system).map((p) => [p.name, p.system!.app, p.system!.nodeName, p.system!.ready]), system.map((p) => [p.name, p.app, p.nodeName, true]))
  // The aws-node pods carry their container's env and start time (the settings ipamd started with); no other pod does.
  const agents = pods.filter((p) => p.agent)
  assert.equal(agents.map((p) => p.name), cluster.pods.filter((p) => p.app === 'aws-node').map((p) => p.name))
  assert.ok(agents.every((p) => p.agent!.startedAt === '2026-11-25T10:00:03Z' && p.agent!.env.some((e) => e.name === 'WARM_ENI_TARGET')))
  assert.is(pods.filter((p) => p.hostNetwork).length, 12)
})

readers('listPods: each pod\'s labels; the pods of one ReplicaSet share one frozen labels object', async ({source}) => {
  const pods = await source.listPods()
  const served = pods.find((p) => p.labels?.app === 'cart')!
  assert.equal(served.labels, {app: 'cart', 'pod-template-hash': served.name.split('-').at(-2)})
  const sets = new Set(pods.map((p) => p.labels))
  const distinct = new Set(pods.map((p) => JSON.stringify(p.labels)))
  assert.is(sets.size, distinct.size, 'one object per distinct label set')
  assert.ok(sets.size <= 40 && pods.length > 90, `${sets.size} label sets for ${pods.length} pods`)
  assert.ok(pods.every((p) => Object.isFrozen(p.labels)))
})

readers('listNetworkPolicies: each policy\'s podSelector, its left-out parts empty ({} selects all)', async ({source}) => {
  assert.equal(await source.listNetworkPolicies(), [
    {name: 'cart', namespace: 'shop', podSelector: {matchExpressions: [{key: 'tier', operator: 'Exists', values: []}], matchLabels: {app: 'cart'}}},
    {name: 'default-deny', namespace: 'payments', podSelector: {matchExpressions: [], matchLabels: {}}},
  ])
})

readers('listPods({nodeName}) asks the server to filter by spec.nodeName', async ({lab, source}) => {
  const node = 'ip-10-9-0-20.us-west-2.compute.internal'
  const pods = await source.listPods({nodeName: node})
  assert.equal(pods.map((p) => p.podIp), ['10.9.0.20', '10.9.0.20', '10.9.0.21', '10.9.0.22'])
  assert.equal(lab.requests.at(-1)?.query, {fieldSelector: `spec.nodeName=${node}`, limit: '500'})
  assert.equal(await source.listPods({nodeName: 'no-such-node'}), [])
})

readers('readAwsNode: containers, env, managedFields, status, and the manifest untouched', async ({cluster, source}) => {
  const awsNode = (await source.readAwsNode())!
  assert.equal(awsNode.manifest, cluster.state.objects.get('daemonsets')![0])
  assert.equal(awsNode.containers.map((c) => c.name), ['aws-node', 'aws-eks-nodeagent'])
  assert.equal(awsNode.initContainers.map((c) => c.image), ['602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.23.1'])
  const env = awsNode.containers[0].env
  assert.equal(env.find((e) => e.name === 'WARM_IP_TARGET'), {name: 'WARM_IP_TARGET', value: '5'})
  assert.equal(env.find((e) => e.name === 'WARM_PREFIX_TARGET'), {name: 'WARM_PREFIX_TARGET', value: '0'})
  assert.equal(env.find((e) => e.name === 'MY_NODE_NAME')?.valueFrom, {fieldRef: {apiVersion: 'v1', fieldPath: 'spec.nodeName'}})
  assert.equal(awsNode.managedFields.map((m) => [m.manager, m.operation, m.subresource]), [
    ['eks', 'Apply', undefined],
    ['kubectl-set', 'Update', undefined],
    ['kube-controller-manager', 'Update', 'status'],
  ])
  const userEnv = JSON.stringify(awsNode.managedFields[1].fieldsV1)
  assert.ok(userEnv.includes('k:{\\"name\\":\\"WARM_IP_TARGET\\"}'), userEnv)
  assert.not.ok(JSON.stringify(awsNode.managedFields[0].fieldsV1).includes('WARM_IP_TARGET'), 'eks no longer owns what kubectl-set changed')
  assert.equal(awsNode.status, {desiredNumberScheduled: 6, numberAvailable: 6, numberReady: 6, updatedNumberScheduled: 6})
  assert.is(awsNode.generation, 2)
  assert.is(awsNode.labels['app.kubernetes.io/version'], 'v1.23.1')
  assert.equal(JSON.parse(JSON.stringify(awsNode)), awsNode, 'plain JSON: survives a snapshot round trip')
})

readers('readCniConfigMap: the amazon-vpc-cni data', async ({source}) => {
  const configMap = (await source.readCniConfigMap())!
  assert.is(configMap.data['enable-network-policy-controller'], 'false')
  assert.is(configMap.data['warm-ip-target'], '1')
  assert.is(configMap.resourceVersion, '48190')
})

readers('listEniConfigs: subnet and security groups', async ({source}) => {
  assert.equal(await source.listEniConfigs(), [
    {name: 'us-west-2a', securityGroups: ['sg-0a1b2c3d4e5f60718'], subnet: 'subnet-0aa11bb22cc33dd44'},
    {name: 'us-west-2b', securityGroups: ['sg-0a1b2c3d4e5f60718', 'sg-09f8e7d6c5b4a3921'], subnet: 'subnet-0ee55ff66aa77bb88'},
  ])
})

readers('listSandboxFailures: only FailedCreatePodSandBox events, filtered by the server', async ({lab, source}) => {
  const events = await source.listSandboxFailures()
  assert.is(events.length, 1)
  assert.equal({...events[0], message: undefined}, {count: 3, lastSeen: '2026-11-26T04:50:00Z', message: undefined, namespace: 'shop', nodeName: 'ip-10-0-0-10.us-west-2.compute.internal', podName: 'cart-5d8f7c2b4-abcde'})
  assert.match(events[0].message, /failed to assign an IP address to container$/)
  assert.is(lab.requests.at(-1)?.query.fieldSelector, 'reason=FailedCreatePodSandBox')
  assert.ok(lab.state.objects.get('events')!.length > 1, 'the lab also holds other events')
})

readers('read-only: every request the source made was a GET', ({lab}) => {
  assert.ok(lab.requests.length >= 9)
  assert.equal(lab.requests.filter((r) => r.method !== 'GET'), [])
  assert.equal(lab.writes, [])
  assert.equal([...new Set(lab.requests.map((r) => r.userAgent))], ['vpccni (read-only)'], 'audit logs name vpccni')
})

readers.run()

const absent = suite('kubernetes readers on a cluster without the VPC CNI pieces')

absent('no aws-node, no ConfigMap, no ENIConfig CRD: null, null and an empty list', async () => {
  const cluster = buildLabCluster({awsNode: null, cniConfigMap: null, eniConfigs: null, nodeGroups: [{count: 1, instanceType: 'm5.large'}]})
  const lab = await startKubeLab(cluster.state)
  const source = await createKubernetesSource({kubeconfig: lab.kubeconfig})
  try {
    assert.is(await source.readAwsNode(), null)
    assert.is(await source.readCniConfigMap(), null)
    assert.equal(await source.listEniConfigs(), [])
    assert.equal(await source.listSandboxFailures(), [])
    assert.equal(lab.requests.map((r) => r.status), [404, 404, 404, 200])
  } finally {
    source.close()
    await lab.stop()
  }
})

absent.run()
