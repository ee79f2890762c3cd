import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Snapshot from '../../src/commands/snapshot.js'
import WarmTargets from '../../src/commands/warm-targets.js'
import {SNAPSHOT_CALLS, type SnapshotIndex} from '../../src/sources/snapshot/snapshot-format.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {runCommand, projectRoot} from '../helpers/run-command.js'

const test = suite('vpccni snapshot -o DIR against the cluster lab')
const version = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version as string
let lab: ClusterLab
let work: string

test.before(async () => {
  lab = await startClusterLab()
  work = mkdtempSync(join(tmpdir(), 'vpccni-snapshot-cmd-'))
})

test.after(async () => {
  await lab.stop()
  rmSync(work, {force: true, recursive: true})
})

const snapshot = (dir: string, ...extra: string[]) => runCommand<SnapshotIndex>(Snapshot, ['-o', join(work, dir), ...lab.flags, ...extra])

test('writes one file per call and index.json, and summarises what it captured', async () => {
  const out = await snapshot('plain')
  assert.is(out.exitCode, 0, out.stderr)
  assert.is(out.stderr, '')
  assert.equal(readdirSync(join(work, 'plain')).sort(), ['index.json', ...SNAPSHOT_CALLS.map((call) => `${call}.json`)].sort())
  assert.match(out.stdout, /ok +listNodes +3\n/)
  assert.match(out.stdout, /20 of 20 calls captured; share it with: tar czf /)
})

test('--json prints the index, as written', async () => {
  const out = await snapshot('json', '--json')
  assert.is(out.exitCode, 0, out.stderr)
  const index = JSON.parse(out.stdout) as SnapshotIndex
  assert.equal(index, JSON.parse(readFileSync(join(work, 'json', 'index.json'), 'utf8')))
  assert.equal(Object.keys(index).sort(), ['calls', 'context', 'eksCluster', 'region', 'schemaVersion', 'takenAt', 'vpccniVersion'])
  assert.is(index.schemaVersion, 1)
  assert.is(index.vpccniVersion, version)
  assert.ok(Math.abs(Date.parse(index.takenAt) - Date.now()) < 60_000, index.takenAt)
  assert.equal(Object.keys(index.context!).sort(), ['cluster', 'name', 'server'])
  assert.equal([index.region, index.eksCluster], ['us-west-2', 'lab'])
  assert.equal(Object.keys(index.calls), [...SNAPSHOT_CALLS])
  assert.equal(index.calls.listNodes, {args: {}, count: 3, file: 'listNodes.json', note: null, ok: true})
  assert.equal(Object.keys(index.calls.describeInstances.args), ['instanceIds'])
})

test('a non-empty folder is refused (exit 2) unless --force', async () => {
  const dir = join(work, 'busy')
  mkdirSync(dir)
  writeFileSync(join(dir, 'notes.txt'), 'mine\n')
  const refused = await snapshot('busy')
  assert.is(refused.exitCode, 2)
  assert.match(refused.stderr, /^error: .*busy" is not empty; choose a new folder, or pass --force to write into it\n$/)
  assert.not.ok(existsSync(join(dir, 'index.json')))
  const forced = await snapshot('busy', '--force')
  assert.is(forced.exitCode, 0, forced.stderr)
  assert.ok(existsSync(join(dir, 'index.json')) && existsSync(join(dir, 'notes.txt')))
})

test('a file as DIR is refused, even with --force', async () => {
  writeFileSync(join(work, 'a-file'), 'x')
  const out = await snapshot('a-file', '--force')
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /a-file" is not a folder\n$/)
})

test('a bad -o is refused before the cluster is read: empty, inside a file (exit 2, nothing asked)', async () => {
  writeFileSync(join(work, 'plain-file'), 'x')
  for (const output of ['', join(work, 'plain-file', 'inside')]) {
    lab.kube.requests.length = 0
    const out = await runCommand(Snapshot, ['-o', output, ...lab.flags])
    assert.is(out.exitCode, 2, output)
    assert.is(out.stderr.trimEnd().split('\n').length, 1, out.stderr)
    assert.equal(lab.kube.requests, [], `no Kubernetes request for -o ${JSON.stringify(output)}`)
  }
})

test('a call that fails is a warning and the snapshot goes on (exit 0)', async () => {
  lab.kube.faults.push({path: '/api/v1/pods', status: 403})
  try {
    const out = await snapshot('no-pods')
    assert.is(out.exitCode, 0, out.stderr)
    assert.match(out.stderr, /^warning: not captured: kubernetes:listPods: forbidden: needs RBAC permission "list pods" \(pods is forbidden: User "\(not recorded\)" cannot list/)
    assert.is(out.stderr.trim().split('\n').length, 1)
    assert.match(out.stdout, /failed +listPods +kubernetes:listPods: forbidden/)
    assert.not.ok(existsSync(join(work, 'no-pods', 'listPods.json')))
  } finally {
    lab.kube.faults.length = 0
  }
})

test('a 404 without a Status body (a proxy) is recorded as a failed call, not as "no aws-node"', async () => {
  lab.kube.faults.push({path: '/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node', plainBody: '404 page not found', status: 404})
  try {
    const out = await snapshot('proxy-404')
    assert.is(out.exitCode, 0, out.stderr)
    assert.match(out.stderr, /^warning: not captured: kubernetes:readAwsNode: HTTP 404: 404 page not found\n$/)
    const index = JSON.parse(readFileSync(join(work, 'proxy-404', 'index.json'), 'utf8')) as SnapshotIndex
    assert.is(index.calls.readAwsNode.ok, false)
  } finally {
    lab.kube.faults.length = 0
  }
})

test('EC2 refused: the subnets are recorded as not captured (not as "none"), and replay says so', async () => {
  for (const action of ['DescribeInstances', 'DescribeNetworkInterfaces', 'DescribeSubnets']) lab.aws.ec2.addFault({action, kind: 'unauthorized'})
  // Node groups name their subnets too: with them refused as well, no subnet is known to ask about.
  for (const operation of ['DescribeCluster', 'ListNodegroups']) lab.aws.eks.addFault({kind: 'deny', operation})
  try {
    const out = await snapshot('no-ec2')
    assert.is(out.exitCode, 0, out.stderr)
    const index = JSON.parse(readFileSync(join(work, 'no-ec2', 'index.json'), 'utf8')) as SnapshotIndex
    const subnets = index.calls.describeSubnets
    assert.is(subnets.ok, false)
    assert.match(!subnets.ok ? subnets.error.message : '', /ec2:DescribeSubnets: not captured: the nodes' ENIs could not be read/)
    const replayed = await runCommand(WarmTargets, ['--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0', '--from-dir', join(work, 'no-ec2')])
    assert.is(replayed.exitCode, 3, replayed.stderr)
    assert.match(replayed.stderr, /^error: ec2:DescribeSubnets: not captured/)
  } finally {
    lab.aws.ec2.clearFaults()
    lab.aws.eks.clearFaults()
  }
})

test('a subnet the snapshot does not hold is named as such, not as missing from the region', async () => {
  const dir = join(work, 'plain')
  const out = await runCommand(WarmTargets, ['--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0', '--from-dir', dir])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /^error: subnet subnet-0123456789abcdef0 is not in the snapshot /)
})

test('nothing readable: exit 3, and no snapshot written', async () => {
  lab.kube.faults.push({status: 403})
  for (const operation of ['DescribeCluster', 'DescribeAddon', 'DescribeAddonVersions', 'ListNodegroups']) lab.aws.eks.addFault({kind: 'deny', operation})
  try {
    const out = await snapshot('nothing')
    assert.is(out.exitCode, 3)
    assert.match(out.stderr, /^error: snapshot: nothing could be read from the cluster or the AWS account \(.+\)/)
    assert.is(out.stderr.trimEnd().split('\n').length, 1, 'one line, not a warning per call')
    assert.not.ok(existsSync(join(work, 'nothing', 'index.json')))
  } finally {
    lab.kube.faults.length = 0
    lab.aws.eks.clearFaults()
  }
})

test('credentials in the aws-node environment are not written: secret-named values, URL passwords, also in annotations', async () => {
  const secrets = {AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', HTTPS_PROXY: 'http://proxyuser:Pr0xyPassw0rd@proxy.corp:3128', MY_API_TOKEN: 'tok-4242'}
  await lab.rebuild({kube: {awsNode: {env: secrets, installedBy: 'kubectl'}}})
  try {
    const out = await snapshot('secrets')
    assert.is(out.exitCode, 0, out.stderr)
    const texts = readdirSync(join(work, 'secrets')).map((file) => readFileSync(join(work, 'secrets', file), 'utf8')).join('\n')
    for (const leaked of ['wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', 'Pr0xyPassw0rd', 'proxyuser', 'tok-4242']) assert.not.ok(texts.includes(leaked), leaked)
    assert.ok(texts.includes('http://(not recorded)@proxy.corp:3128'), 'the proxy host stays, without its credentials')
  } finally {
    await lab.rebuild()
  }
})

test('only reads reached the fakes', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.aws.ec2Requests().filter((r) => !/^(Describe|Get)/.test(r.action) && !r.dryRun), [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
})

test.run()
