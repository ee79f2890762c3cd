import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseCniVersion} from '../../../src/core/cni-version.js'
import {classifyEni} from '../../../src/core/dry-run/classify-eni.js'
import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import type {EniFacts, NodeGather} from '../../../src/core/dry-run/node-facts.js'
import {parseCheckpoint} from '../../../src/core/dry-run/parse-checkpoint.js'
import {parseIntrospection} from '../../../src/core/dry-run/parse-introspection.js'
import {readNodeSettings} from '../../../src/core/dry-run/read-node-settings.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'
import {checkpointJson, introspectionJson} from '../../helpers/ipamd-files.js'

const test = suite('ipamd dry-run: mapping a node onto the model and projecting it')
const NOW = 1_764_000_000
const iso = (secondsAgo: number) => new Date((NOW - secondsAgo) * 1000).toISOString()
const ips = (base: string, n: number) => Array.from({length: n}, (_, i) => `${base}.${i + 10}`)

function eni(deviceIndex: number, secondaryIps: string[], extra: Partial<EniFacts> = {}): EniFacts {
  return {
    attachTime: iso(3600), attachmentId: `eni-attach-${deviceIndex}`, deviceIndex, id: `eni-${deviceIndex}aaaa`, interfaceType: 'interface',
    networkCardIndex: 0, prefixes: [], primary: deviceIndex === 0, secondaryIps, subnetId: 'subnet-a',
    tags: deviceIndex === 0 ? {} : {'node.k8s.amazonaws.com/instance_id': 'i-0abc'}, ...extra,
  }
}

/** An m5.large with 5 pods on its primary ENI and an empty second ENI; aws-node started an hour ago. */
function healthyNode(env: Record<string, string> = {}): NodeGather {
  const primary = ips('10.0.1', 9)
  return {
    agent: {daemonSetEnv: env, podEnv: env, podName: 'kube-system/aws-node-abcde', startedAt: iso(3600), unresolved: []},
    eniConfigs: [],
    enis: [eni(0, primary), eni(1, ips('10.0.2', 9))],
    node: {annotations: {}, capacityPods: 29, instanceId: 'i-0abc', instanceType: 'm5.large', labels: {}, name: 'node-a', zone: 'us-west-2a'},
    pods: primary.slice(0, 5).map((ip, i) => ({hostNetwork: false, name: `web-${i}`, namespace: 'default', phase: 'Running', podEni: false, podIps: [ip]})),
    subnets: [{availableIpAddressCount: 4000, subnetId: 'subnet-a', tags: {}}],
  }
}

const context = {checkpoint: null, cniVersion: parseCniVersion('v1.23.1'), findInstanceType, introspection: null, now: NOW, set: {}}

test('settings are read as ipamd reads them: binary defaults, and a value it cannot parse falls back', () => {
  const settings = readNodeSettings({ENABLE_PREFIX_DELEGATION: 'true', WARM_ENI_TARGET: 'two'})
  assert.is(settings.config.warmPrefixTarget, 0)
  assert.is(settings.config.warmEniTarget, 1)
  assert.ok(settings.config.prefixDelegation)
  assert.equal(settings.fallbacks, ['WARM_ENI_TARGET="two" is not a valid count: ipamd uses 1'])
  assert.is(readNodeSettings({ENABLE_IPv6: 'true'}).noWarmPool, 'ENABLE_IPv6')
})

test('ENI classes: no_manage, another instance, untagged without MANAGE_UNTAGGED_ENI, card 1, EFA-only, trunk, excluded subnet', () => {
  const selection = {clusterName: 'lab', manageUntaggedEni: true, multiNic: false, subnetDiscovery: true}
  const subnet = {availableIpAddressCount: 10, subnetId: 'subnet-a', tags: {}}
  const role = (facts: EniFacts, s = subnet, sel = selection) => classifyEni(facts, 'i-0abc', s, sel)
  assert.is(role(eni(1, [], {tags: {'node.k8s.amazonaws.com/no_manage': 'true'}})).role, 'unmanaged')
  assert.is(role(eni(1, [], {tags: {'node.k8s.amazonaws.com/instance_id': 'i-0other'}})).role, 'unmanaged')
  assert.is(role(eni(1, [], {tags: {}})).role, 'pool')
  assert.is(role(eni(1, [], {tags: {}}), subnet, {...selection, manageUntaggedEni: false}).role, 'unmanaged')
  assert.is(role(eni(0, [], {tags: {'node.k8s.amazonaws.com/no_manage': 'true'}})).role, 'pool')
  assert.is(role(eni(1, [], {networkCardIndex: 1})).role, 'other-card')
  assert.is(role(eni(1, [], {interfaceType: 'efa-only'})).role, 'efa-only')
  assert.is(role(eni(1, [], {interfaceType: 'trunk'})).role, 'trunk')
  assert.ok(role(eni(1, []), {...subnet, tags: {'kubernetes.io/role/cni': '0'}}).excluded)
  assert.ok(role(eni(1, []), {...subnet, tags: {'cni.networking.k8s.aws/cluster/other': 'shared'}}).excluded)
  assert.not.ok(role(eni(1, []), {...subnet, tags: {'cni.networking.k8s.aws/cluster/lab': 'shared'}}).excluded)
  assert.not.ok(role(eni(1, []), {...subnet, tags: {'kubernetes.io/role/cni': '0'}}, {...selection, subnetDiscovery: false}).excluded)
})

test('a healthy node under WARM_ENI_TARGET=1 does nothing; with WARM_IP_TARGET the surplus goes now, an empty ENI once old enough', () => {
  const quiet = dryRunNode(healthyNode(), context)
  assert.equal(quiet.actions, [])
  const node = healthyNode()
  node.enis[1] = {...node.enis[1], attachTime: iso(42), secondaryIps: []}
  const doc = dryRunNode(node, {...context, set: {WARM_IP_TARGET: '2'}})
  assert.equal(doc.proposed!.actions.map((a) => a.text), [
    'now: release 2 IPs from eni-0aaaa, above WARM_IP_TARGET=2',
    "after 20 s (once an ENI's first 60 s ran out): free eni-1aaaa, empty and not needed for WARM_IP_TARGET=2",
  ])
  assert.equal(doc.proposed!.projectedState.enis, 1)
})

test('the aws-node start resets ENI ages: an ENI attached long ago is only as old as the datastore', () => {
  const node = healthyNode({WARM_IP_TARGET: '2'})
  node.enis[1].secondaryIps = []
  node.agent.startedAt = iso(10)
  const doc = dryRunNode(node, context)
  assert.is(doc.current.interfaces[1].ageSeconds, 10)
  assert.equal(doc.actions.map((a) => a.when), ['now', 'after 55 s'])
})

test('a cooling address (from /v1/enis) holds its ENI until the cooldown is over', () => {
  // No pods: 18 available addresses are a whole ENI beyond WARM_ENI_TARGET=1, so the second ENI goes once it can.
  const node = {...healthyNode(), pods: []}
  const [primary, second] = node.enis
  const nowMs = NOW * 1000
  const text = introspectionJson([
    {addresses: [], cidrs: primary.secondaryIps.map((ip) => `${ip}/32`), id: primary.id, primary: true, subnetId: 'subnet-a'},
    {addresses: [{address: second.secondaryIps[0], unassignedSecondsAgo: 10}], cidrs: second.secondaryIps.map((ip) => `${ip}/32`), id: second.id, primary: false, subnetId: 'subnet-a'},
  ], nowMs)
  const doc = dryRunNode(node, {...context, introspection: parseIntrospection(text, 'enis.json')})
  assert.is(doc.current.interfaces[1].cooling, 1)
  assert.equal(doc.actions.map((a) => [a.kind, a.atSeconds]), [['free-eni', 25]])
  assert.equal(dryRunNode(node, context).actions.map((a) => [a.kind, a.atSeconds]), [['free-eni', 0]])
})

test('an empty EFA ENI is never freed (ipamd leaves EFA ENIs attached), while an empty plain one is', () => {
  const node = healthyNode({WARM_IP_TARGET: '2'})
  node.enis[1] = {...node.enis[1], secondaryIps: []}
  const plain = dryRunNode(node, context).actions.find((a) => a.kind === 'free-eni')
  assert.is(plain?.eniId, node.enis[1].id)
  node.enis[1] = {...node.enis[1], interfaceType: 'efa'}
  const doc = dryRunNode(node, context)
  assert.is(doc.current.interfaces[1].role, 'efa')
  assert.not.ok(doc.actions.some((a) => a.kind === 'free-eni' && a.eniId === node.enis[1].id))
})

test('/v1/enis from before v1.20 (no network-card key) is read too; anything else is bad input', () => {
  const flat = JSON.stringify(JSON.parse(introspectionJson([], 0))['0'])
  assert.equal(parseIntrospection(flat, 'old.json').enis, [])
  assert.throws(() => parseIntrospection('[]', 'x.json'), /--introspection x\.json: not an ipamd \/v1\/enis answer \(not a JSON object\)/)
})

test('the checkpoint: its version is checked, IPv6 allocations are skipped, the pod named', () => {
  const view = parseCheckpoint(checkpointJson([{address: '10.0.1.10', pod: 'default/web-0'}]), 'ipam.json')
  assert.equal(view.addresses, [{address: '10.0.1.10', assigned: true, eniId: null, pod: 'default/web-0', unassignedAt: null}])
  const v6 = JSON.stringify({allocations: [{containerID: 'c', ifName: 'eth0', ipv6: '2600::1', networkName: 'aws-cni'}], version: 'vpc-cni-ipam/1'})
  assert.equal(parseCheckpoint(v6, 'v6.json').addresses, [])
  assert.throws(() => parseCheckpoint('{"version":"vpc-cni-ipam/2","allocations":[]}', 'new.json'), /--checkpoint new\.json: not an ipamd checkpoint \(version "vpc-cni-ipam\/2", expected "vpc-cni-ipam\/1"\)/)
  assert.throws(() => parseCheckpoint('nope', 'x.json'), /not an ipamd checkpoint \(not JSON\)/)
})

test.run()
