import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError} from '../../../src/errors.js'
import type {ClusterCallName, ClusterSource} from '../../../src/sources/cluster-source.js'
import {createLiveClusterSource} from '../../../src/sources/live-cluster-source.js'
import {openClusterSource} from '../../../src/sources/open-cluster-source.js'
import {captureSnapshot} from '../../../src/sources/snapshot/capture-snapshot.js'
import {redactIdentity} from '../../../src/sources/snapshot/redact-identity.js'
import {SNAPSHOT_CALLS, type SnapshotIndex} from '../../../src/sources/snapshot/snapshot-format.js'
import {writeSnapshot} from '../../../src/sources/snapshot/write-snapshot.js'
import {CLUSTER_LAB_REGION, type ClusterLab, startClusterLab} from '../../lab/cluster-lab.js'
import {questions} from './snapshot-questions.js'
import {findForbidden, forbiddenTexts} from './snapshot-secrets.js'

const test = suite('snapshot: capture the cluster lab, replay it with --from-dir, same answers as live')
const TAKEN_AT = '2026-01-02T03:04:05.000Z'
let lab: ClusterLab
let work: string

test.before(async () => {
  lab = await startClusterLab({
    kube: {
      awsNode: {env: {ENABLE_PREFIX_DELEGATION: 'true'}, userEnv: {WARM_PREFIX_TARGET: '1'}},
      eniConfigs: [{name: 'us-west-2a', securityGroups: ['sg-0a1b2c3d4e5f60001'], subnet: 'subnet-0c0ffee000000001'}],
      sandboxFailures: [{namespace: 'shop', nodeName: 'ip-10-0-0-10.us-west-2.compute.internal', podName: 'cart-7d9f8-x2x4q'}],
    },
  })
  work = mkdtempSync(join(tmpdir(), 'vpccni-snapshot-'))
})

test.after(async () => {
  await lab.stop()
  rmSync(work, {force: true, recursive: true})
})

const live = (): ClusterSource => createLiveClusterSource({kubeconfig: lab.kube.kubeconfig, region: CLUSTER_LAB_REGION, 'request-timeout': 10})

async function snapshotLab(name: string): Promise<{dir: string; index: SnapshotIndex; replay: ClusterSource}> {
  const source = live()
  const captured = await captureSnapshot(source, {takenAt: TAKEN_AT, vpccniVersion: '0.0.0-test'}).finally(() => source.close())
  const dir = join(work, name)
  writeSnapshot(dir, captured)
  return {dir, index: captured.index, replay: await openClusterSource({'from-dir': dir, 'request-timeout': 10})}
}

test('every ClusterSource call replays what the live source answers', async () => {
  const {index, replay} = await snapshotLab('full')
  assert.equal(Object.keys(index.calls).sort(), [...SNAPSHOT_CALLS].sort())
  for (const call of SNAPSHOT_CALLS) assert.ok(index.calls[call].ok, `${call} was captured`)
  const count = (call: ClusterCallName) => (index.calls[call].ok ? index.calls[call].count : null)
  assert.equal([count('listNodes'), count('listEniConfigs'), count('listSandboxFailures')], [3, 1, 1], 'nothing compared is empty')
  assert.ok(count('listPods')! > 6 && count('describeNetworkInterfaces')! >= 5 && count('describeSubnets')! >= 2)
  const source = live()
  try {
    const nodeName = lab.cluster.nodes[1].name
    for (const [call, asks] of Object.entries(questions(index, nodeName))) {
      for (const [i, ask] of asks.entries()) assert.equal(await ask(replay), await ask(source), `${call} #${i}`)
    }
  } finally {
    source.close()
  }
})

test('replayed pods share their label sets again, as a live listing does (the file holds each pod\'s in full)', async () => {
  const {replay} = await snapshotLab('labels')
  const pods = await replay.listPods()
  assert.ok(pods.every((p) => p.labels !== undefined))
  assert.is(new Set(pods.map((p) => p.labels)).size, new Set(pods.map((p) => JSON.stringify(p.labels))).size)
})

test('the replayed origin names the snapshot, the context, region and EKS cluster, and no user', async () => {
  const {dir, replay} = await snapshotLab('origin')
  const source = live()
  await source.listNodes()
  await source.describeCluster()
  source.close()
  assert.equal(replay.origin, {
    context: {...source.origin.context!, user: ''},
    dir,
    eksCluster: source.origin.eksCluster,
    kind: 'snapshot',
    region: source.origin.region,
    takenAt: TAKEN_AT,
  })
})

test('no token, certificate, user entry or AWS credential reaches any file', async () => {
  const {dir} = await snapshotLab('secrets')
  assert.equal(findForbidden(dir, forbiddenTexts(lab.kube.caPem)), [])
})

test('failed calls are recorded, the rest captured, and replay as the same error or note', async () => {
  lab.kube.faults.push({resource: 'pods', status: 403})
  lab.aws.ec2.addFault({action: 'DescribeNetworkInterfaces', kind: 'unauthorized'})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddon'})
  try {
    const {dir, index, replay} = await snapshotLab('faults')
    const pods = index.calls.listPods
    assert.ok(!pods.ok && pods.error.permission === 'list pods' && pods.error.exitCode === 3)
    assert.ok(!index.calls.describeNetworkInterfaces.ok)
    assert.ok(index.calls.describeAddon.ok && index.calls.describeAddon.note?.includes('eks:DescribeAddon'))
    assert.ok(index.calls.listNodes.ok && index.calls.describeInstances.ok, 'the rest went on')
    const source = live()
    const ids = (index.calls.describeInstances.args as {instanceIds: string[]}).instanceIds
    try {
      for (const ask of [(s: ClusterSource) => s.listPods(), (s: ClusterSource) => s.describeNetworkInterfaces(ids)]) {
        const [replayed, actual] = [await ask(replay).catch((error) => error), await ask(source).catch((error) => error)]
        assert.instance(replayed, SourceError)
        assert.equal(
          {call: replayed.call, exitCode: replayed.exitCode, message: replayed.message, permission: replayed.permission},
          {call: actual.call, exitCode: actual.exitCode, message: redactIdentity(actual.message), permission: actual.permission},
        )
      }

      const addon = await source.describeAddon()
      assert.ok(!addon.available && addon.permission === 'eks:DescribeAddon')
      assert.equal(await replay.describeAddon(), addon)
      assert.equal(findForbidden(dir, forbiddenTexts(lab.kube.caPem)), [], 'who asked is not recorded')
    } finally {
      source.close()
    }
  } finally {
    lab.kube.faults.length = 0
    lab.aws.ec2.clearFaults()
    lab.aws.eks.clearFaults()
  }
})

test('add-on versions answer for any Kubernetes version, as EKS does; another add-on version\'s configuration is unavailable', async () => {
  const {replay} = await snapshotLab('other-versions')
  const versions = await replay.describeAddonVersions('1.19')
  assert.equal(versions.available && versions.value, [])
  const newer = await replay.describeAddonVersions('1.33')
  assert.ok(newer.available && newer.value.length > 0 && newer.value.every((v) => v.compatibilities.every((c) => c.clusterVersion === '1.33')))
  assert.is((await replay.describeAddonConfiguration('v0.0.1-eksbuild.1')).available, false)
})

test('only reads reached the three fakes while snapshotting', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.kube.requests.filter((r) => r.method !== 'GET'), [])
  assert.equal(lab.aws.ec2Requests().filter((r) => !/^(Describe|Get)/.test(r.action) && !r.dryRun), [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
  assert.ok(lab.aws.ec2Requests().length > 0 && lab.aws.eks.requests.length > 0 && lab.kube.requests.length > 0)
})

test.run()
