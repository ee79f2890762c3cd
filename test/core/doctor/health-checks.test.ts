import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {allowedUnavailable} from '../../../src/core/doctor/checks/cni010-aws-node-rollout.js'
import type {DoctorAwsNode, DoctorEksCluster, DoctorPod} from '../../../src/core/doctor/cluster-objects.js'
import type {DoctorReads} from '../../../src/core/doctor/doctor-input.js'
import type {DoctorNetworkPolicy} from '../../../src/core/doctor/health-objects.js'
import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {awsNode, inputWith, node} from './doctor-fixture.js'

const test = suite('health and mode checks: rules the lab scenarios do not reach')
const only = (id: string) => ({only: [id], severity: {}, skip: []})
const cluster = (ipFamily: string): DoctorEksCluster => ({ipFamily, kubernetesVersion: '1.31', name: 'lab', subnetIds: []})

test('CNI010: maxUnavailable as the DaemonSet controller scales it (a percentage rounds up; unset is 1)', () => {
  assert.equal([allowedUnavailable('10%', 6), allowedUnavailable('10%', 25), allowedUnavailable(3, 100), allowedUnavailable('2', 9), allowedUnavailable(undefined, 50)], [1, 3, 3, 2, 1])
})

test('CNI030: each CNI message has its cause; an unknown one is "other", never dropped', () => {
  const failure = (message: string, podName: string) => ({count: 1, lastSeen: null, message, namespace: 'shop', nodeName: 'n1', podName})
  const report = runChecks(inputWith({sandboxFailures: [
    failure('add cmd: failed to assign an IP address to container', 'a'),
    failure('add cmd: Error received from AddNetwork gRPC call: failed to connect to backend server', 'b'),
    failure('rpc error: wrong client version 1.22.0, server 1.23.1', 'c'),
    failure('plugin type="aws-cni" failed (add): failed to setup network policy', 'd'),
    failure('something else entirely', 'e'),
  ]}), only('CNI030'))
  assert.equal(report.findings.map((f) => f.evidence.cause).sort(), ['ipamd-down', 'network-policy', 'no-ip', 'other', 'version-skew'])
  assert.ok(report.findings.every((f) => f.severity === 'error' && f.resource.name === 'n1'))
})

test('CNI031: kubelet Ready=False with NetworkPluginNotReady is an error; Ready=False for another reason is not this check', () => {
  const broken = {...node('1', 'm5.large', 29), conditions: [{message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', reason: 'KubeletNotReady', status: 'False', type: 'Ready'}]}
  const pressure = {...node('2', 'm5.large', 29), conditions: [{message: 'kubelet stopped posting node status', reason: 'NodeStatusUnknown', status: 'False', type: 'Ready'}]}
  const report = runChecks(inputWith({nodes: [broken, pressure]}), only('CNI031'))
  assert.equal(report.findings.map((f) => [f.evidence.reason, f.evidence.nodes]), [['NetworkPluginNotReady', [broken.name]]])
})

test('CNI023: the agent enforcing on a node with Linux 4.14 is an error for its group', () => {
  const agentOn = awsNode()
  agentOn.manifest = {spec: {template: {spec: {containers: [{args: ['--enable-network-policy=true'], name: 'aws-eks-nodeagent'}]}}}}
  const old = {...node('1', 'm5.large', 29), kernelVersion: '4.14.355-275.570.amzn2.x86_64'}
  const fresh = {...node('2', 'm5.large', 29, 'ng-new'), kernelVersion: '6.1.115-126.197.amzn2023.x86_64'}
  const report = runChecks(inputWith({awsNode: agentOn, networkPolicies: [], nodes: [old, fresh]}), only('CNI023'))
  assert.equal(report.findings.map((f) => [f.severity, f.resource.name, f.evidence.kernelVersion]), [['error', 'ng-general', '4.14.355-275.570.amzn2.x86_64']])
})

test('CNI023 strict mode: only running pods the agent enforces on count (not host-network, not Fargate), policies select in their own namespace', () => {
  const enforcing = (mode: null | string, flag = 'true') => {
    const agent = awsNode(mode === null ? {} : {NETWORK_POLICY_ENFORCING_MODE: mode})
    agent.manifest = {spec: {template: {spec: {containers: [{args: [`--enable-network-policy=${flag}`], name: 'aws-eks-nodeagent'}]}}}}
    return agent
  }

  const fargate = {...node('9', 'm5.large', 29), labels: {'eks.amazonaws.com/compute-type': 'fargate'}, name: 'fargate-ip-10-0-0-9'}
  const nodes = [node('1', 'm5.large', 29), fargate]
  const labels = {app: 'api'}
  const pod = (name: string, namespace: string, more: Partial<DoctorPod> = {}): DoctorPod =>
    ({hostNetwork: false, labels, name, namespace, nodeName: nodes[0].name, phase: 'Running', podIp: '10.0.0.20', ...more})
  const pods = [
    pod('api-1', 'shop'), pod('api-2', 'shop'), pod('api-3', 'billing'),
    pod('exporter', 'shop', {hostNetwork: true}), pod('job', 'shop', {phase: 'Succeeded'}), pod('on-fargate', 'shop', {nodeName: fargate.name}),
  ]
  // billing's policy selects app=api there; shop's selects nothing of app=api, and billing's does not reach into shop.
  const networkPolicies: DoctorNetworkPolicy[] = [
    {name: 'db', namespace: 'shop', podSelector: {matchExpressions: [], matchLabels: {app: 'db'}}},
    {name: 'api', namespace: 'billing', podSelector: {matchExpressions: [{key: 'app', operator: 'In', values: ['api']}], matchLabels: {}}},
  ]
  const strict = (agent: DoctorAwsNode, reads: Partial<DoctorReads> = {}) =>
    runChecks(inputWith({awsNode: agent, networkPolicies, nodes, pods, ...reads}), only('CNI023')).findings.filter((f) => f.evidence.enforcingMode === 'strict')
  const [finding, ...rest] = strict(enforcing('Strict'))
  assert.equal(rest, [])
  assert.equal([finding.severity, finding.evidence.unselectedPods, finding.evidence.namespaces, finding.evidence.pods], ['warning', 2, ['shop: 2'], ['shop/api-1', 'shop/api-2']])
  // Standard mode, or an agent that enforces nothing (that is CNI023's error about the policies): no pod is default-deny.
  assert.equal([strict(enforcing('standard')), strict(enforcing(null)), strict(enforcing('strict', 'false'))], [[], [], []])
  // A snapshot taken before vpccni read labels and selectors cannot tell: nothing said rather than a guess.
  assert.equal(strict(enforcing('strict'), {pods: pods.map(({labels: _labels, ...p}) => p)}), [])
  assert.equal(strict(enforcing('strict'), {networkPolicies: networkPolicies.map(({podSelector: _s, ...p}) => p)}), [])
})

test('CNI023 strict mode: thousands of pods are one finding, names capped, namespaces counted largest first', () => {
  const agent = awsNode({NETWORK_POLICY_ENFORCING_MODE: 'strict'})
  agent.manifest = {spec: {template: {spec: {containers: [{args: ['--enable-network-policy=true'], name: 'aws-eks-nodeagent'}]}}}}
  const nodes = [node('1', 'm5.large', 29)]
  const labels = {app: 'batch'}
  const pods: DoctorPod[] = Array.from({length: 3000}, (_, i) => ({hostNetwork: false, labels, name: `batch-${i}`, namespace: i < 2000 ? 'jobs' : 'etl', nodeName: nodes[0].name, phase: 'Running', podIp: null}))
  const [finding] = runChecks(inputWith({awsNode: agent, networkPolicies: [], nodes, pods}), only('CNI023')).findings
  assert.equal([finding.evidence.unselectedPods, finding.evidence.namespaces], [3000, ['jobs: 2000', 'etl: 1000']])
  assert.is((finding.evidence.pods as string[]).length, 11)
  assert.is((finding.evidence.pods as string[]).at(-1), '… and 2990 more')
})

test('CNI015: an IPv6 cluster with aws-node on the node role is a warning; an IPv4 one an info note', () => {
  const account = {annotations: {}, name: 'aws-node'}
  const addon = {addonVersion: 'v1.23.1-eksbuild.1', configurationValues: null, issues: [], podIdentityAssociations: [], serviceAccountRoleArn: null, status: 'ACTIVE'}
  const grade = (family: string) => runChecks(inputWith({addon, awsNode: awsNode(), awsNodeServiceAccount: account, eksCluster: cluster(family)}), only('CNI015')).findings.map((f) => f.severity)
  assert.equal([grade('ipv6'), grade('ipv4')], [['warning'], ['info']])
  const withPodIdentity = runChecks(inputWith({addon: {...addon, podIdentityAssociations: ['arn:aws:eks:us-west-2:111122223333:podidentityassociation/lab/a-1']}, awsNode: awsNode(), awsNodeServiceAccount: account, eksCluster: cluster('ipv4')}), only('CNI015'))
  assert.equal(withPodIdentity.findings, [])
  // The add-on not read (EKS refused, or a --cluster EKS does not have): a Pod Identity association is not ruled out.
  const addonUnread = runChecks(inputWith({awsNode: awsNode(), awsNodeServiceAccount: account, eksCluster: cluster('ipv4')}), only('CNI015'))
  assert.equal(addonUnread.findings, [])
})

test('CNI024: an IPv4 cluster with ENABLE_IPv6=true is an error; IPv6 settings on an IPv6 cluster are fine', () => {
  const ipv6Env = {ENABLE_IPv4: 'false', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true'}
  const errors = (family: string) => runChecks(inputWith({awsNode: awsNode(ipv6Env), eksCluster: cluster(family)}), only('CNI024')).findings.map((f) => f.evidence.clusterIpFamily)
  assert.equal([errors('ipv4'), errors('ipv6')], [['ipv4'], []])
})

test.run()
