import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {labelInterner} from '../../../src/sources/kubernetes/intern-labels.js'
import {KubeRequestError} from '../../../src/sources/kubernetes/kube-request-error.js'
import {summarizeAwsNode, summarizeNode, summarizePod} from '../../../src/sources/kubernetes/index.js'
import {summarizeSandboxFailure} from '../../../src/sources/kubernetes/summarize-event.js'

const summaries = suite('summaries of sparse or unusual objects')

summaries('a node with nothing but a name: unknowns are null or empty, never a crash', () => {
  assert.equal(summarizeNode({metadata: {name: 'n1'}}), {
    allocatablePods: null, annotations: {}, capacityPods: null, conditions: [], creationTimestamp: '', instanceId: null, instanceType: null,
    internalIp: null, kernelVersion: '', kubeletVersion: '', labels: {}, name: 'n1', providerId: null, ready: false, zone: null,
  })
})

summaries('a node with only the deprecated labels, and the zone from its providerID', () => {
  const labelled = summarizeNode({metadata: {labels: {'beta.kubernetes.io/instance-type': 'm4.large', 'failure-domain.beta.kubernetes.io/zone': 'eu-west-1c'}, name: 'old'}})
  assert.equal([labelled.instanceType, labelled.zone], ['m4.large', 'eu-west-1c'])
  const unlabelled = summarizeNode({metadata: {name: 'bare'}, spec: {providerID: 'aws:///eu-west-1a/i-0abc'}, status: {capacity: {pods: '1k'}}})
  assert.equal([unlabelled.zone, unlabelled.instanceId, unlabelled.capacityPods], ['eu-west-1a', 'i-0abc', null])
})

summaries('pods: dual-stack addresses; a pending pod has none', () => {
  const dual = summarizePod({metadata: {name: 'p', namespace: 'ns'}, spec: {nodeName: 'n'}, status: {phase: 'Running', podIP: '10.0.0.5', podIPs: [{ip: '10.0.0.5'}, {ip: '2600:1f14::5'}]}})
  assert.equal(dual.podIps, ['10.0.0.5', '2600:1f14::5'])
  assert.equal(summarizePod({metadata: {name: 'q', namespace: 'ns'}, spec: {}, status: {phase: 'Pending'}}), {
    agent: null, hostNetwork: false, labels: {}, name: 'q', namespace: 'ns', nodeName: null, phase: 'Pending', podEni: false, podIp: null, podIps: [], system: null,
  })
  const branch = summarizePod({metadata: {name: 'b', namespace: 'ns'}, spec: {containers: [{name: 'app', resources: {limits: {'vpc.amazonaws.com/pod-eni': '1'}}}]}})
  assert.ok(branch.podEni)
})

summaries('pod labels through one interner: the same set (in any key order) is one frozen object; a value that is not a string is left out', () => {
  const intern = labelInterner()
  const pod = (name: string, labels: unknown) => summarizePod({metadata: {labels, name, namespace: 'ns'}}, intern)
  const [a, b, c] = [pod('a', {app: 'web', 'pod-template-hash': '5d8f'}), pod('b', {'pod-template-hash': '5d8f', app: 'web'}), pod('c', {app: 'web', n: 1})]
  assert.ok(a.labels === b.labels && Object.isFrozen(a.labels))
  assert.equal(c.labels, {app: 'web'})
  assert.ok(c.labels !== a.labels)
})

summaries('events: lastSeen is the newest of lastTimestamp, eventTime and series; count defaults to 1', () => {
  const event = summarizeSandboxFailure({
    eventTime: '2026-11-26T04:10:00.000000Z',
    involvedObject: {name: 'web-1', namespace: 'shop'},
    message: 'failed',
    reportingInstance: 'ip-10-0-0-1.ec2.internal',
    series: {count: 4, lastObservedTime: '2026-11-26T04:20:00.000000Z'},
  })
  assert.equal(event, {count: 1, lastSeen: '2026-11-26T04:20:00.000000Z', message: 'failed', namespace: 'shop', nodeName: 'ip-10-0-0-1.ec2.internal', podName: 'web-1'})
  assert.is(summarizeSandboxFailure({}).lastSeen, null)
})

summaries('an aws-node DaemonSet missing its status and managedFields still summarises', () => {
  const awsNode = summarizeAwsNode({metadata: {name: 'aws-node'}, spec: {template: {spec: {containers: [{image: 'x', name: 'aws-node'}]}}}})
  assert.equal(awsNode.containers, [{env: [], image: 'x', name: 'aws-node'}])
  assert.equal([awsNode.managedFields, awsNode.initContainers, awsNode.status.numberReady], [[], [], 0])
})

summaries.run()

const requestErrors = suite('KubeRequestError.fromResponse')

requestErrors('a Status body gives its message and reason; Retry-After in seconds', () => {
  const error = KubeRequestError.fromResponse(429, JSON.stringify({kind: 'Status', message: 'slow down', reason: 'TooManyRequests'}), '3')
  assert.equal([error.status, error.reason, error.message, error.retryAfterSeconds], [429, 'TooManyRequests', 'slow down', 3])
})

requestErrors('a proxy page (not JSON) keeps the start of its text; Retry-After as an HTTP date in the past is 0', () => {
  const error = KubeRequestError.fromResponse(502, `<html>${'x'.repeat(500)}</html>`, 'Wed, 21 Oct 2015 07:28:00 GMT')
  assert.is(error.message.length, 300)
  assert.is(error.retryAfterSeconds, 0)
  assert.is(KubeRequestError.fromResponse(500, '', undefined).message, 'HTTP 500')
})

requestErrors.run()
