import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni doctor against the cluster lab')
let lab: ClusterLab

const doctor = (argv: string[] = []) => runCommand<DoctorReport>(Doctor, [...argv, ...lab.flags, '--json'])

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

test('the JSON document has the contract shape, and nothing was written', async () => {
  const out = await doctor(['--only', 'CNI001'])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.equal(Object.keys(doc).sort(), ['checked', 'cluster', 'findings', 'ipSummary', 'ipSummaryNotBuilt', 'notChecked', 'schemaVersion', 'summary'])
  assert.is(doc.schemaVersion, 1)
  assert.equal(doc.summary, {error: 0, info: 0, warning: 0})
  assert.equal(doc.checked, ['CNI001'])
  assert.is(doc.cluster.kubernetesVersion, '1.31')
  assert.is(doc.ipSummary?.nodes.length, 3)
  assertNoMutation(lab)
})

test('a --cluster EKS does not have is bad input naming it and the region, not a run whose EKS checks all went unchecked (exit 0)', async () => {
  const out = await doctor(['--cluster', 'my-cluster'])
  assert.is(out.exitCode, 2, out.stderr)
  assert.is(out.stderr.split('\n')[0], 'error: EKS has no cluster "my-cluster" in us-west-2; check --cluster (or the context\'s ARN), --region, and that the AWS credentials are of the cluster\'s account: `aws eks list-clusters` lists what they see')
  assert.is((await doctor(['--cluster', 'lab', '--only', 'CNI001'])).exitCode, 0, 'the right name still reads')
})

test('a --profile the shared AWS files do not define is refused before the cluster is read', async () => {
  lab.kube.requests.length = 0
  const out = await doctor(['--profile', 'nosuch'])
  assert.is(out.exitCode, 2, out.stderr)
  assert.match(out.stderr, /^error: AWS profile "nosuch" is not in /)
  assert.equal(lab.kube.requests, [], 'nothing was read')
})

test('a --region other than the context ARN\'s is taken as asked, with one warning line', async () => {
  const out = await runCommand(Doctor, ['--kubeconfig', lab.kube.kubeconfig, '--region', 'eu-west-1', '--only', 'CNI001', '--json'])
  assert.is(out.stderr.split('\n').filter((line) => line.startsWith('warning: --region')).join('\n'),
    'warning: --region eu-west-1 is not the region of the context\'s EKS cluster ARN (us-west-2): EC2 and EKS are read in eu-west-1')
  const same = await doctor(['--only', 'CNI001'])
  assert.not.match(same.stderr, /warning: --region/, 'the ARN\'s own region: no warning')
})

test('an unknown ID is bad input, exit 2, with a did-you-mean', async () => {
  const out = await doctor(['--only', 'CNI0001'])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /unknown check ID "CNI0001"/)
  assert.match(out.stderr, /did you mean CNI001/)
})

test('nodes refused: the checks that need them are not checked, naming the permission; exit 3 when none could run', async () => {
  lab.kube.faults.push({resource: 'nodes', status: 403})
  const out = await doctor(['--only', 'CNI001,CNI002,CNI003'])
  lab.kube.faults.splice(0)
  assert.is(out.exitCode, 3, out.stderr)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.equal(doc.notChecked.map((n) => [n.id, n.reason]), [
    ['CNI001', 'could not check: needs list nodes'],
    ['CNI002', 'could not check: needs list nodes'],
    ['CNI003', 'could not check: needs list nodes'],
  ])
})

test('credentials refused (401): the cluster is out of reach, one line and exit 3, not a report of the EC2 checks alone', async () => {
  lab.kube.faults.push({path: '/', status: 401})
  const out = await runCommand(Doctor, [...lab.flags])
  lab.kube.faults.splice(0)
  assert.is(out.exitCode, 3, out.stderr)
  assert.is(out.stdout, '')
  assert.match(out.stderr, /^error: kubernetes:readServerVersion: unauthorized: the API server rejected the credentials .*; refresh the kubeconfig credentials/)
  assert.is(out.stderr.trim().split('\n').length, 1)
  assertNoMutation(lab)
})

test('each read waits only for what it needs: EC2 instances and the add-on schema are asked while the pods list is still out', async () => {
  lab.kube.faults.push({delayMs: 1500, path: '/api/v1/pods'})
  const ec2Before = lab.aws.ec2Requests().length
  const eksBefore = lab.aws.eks.requests.length
  const running = doctor(['--only', 'CNI001'])
  await new Promise((resolve) => setTimeout(resolve, 700))
  const asked = [...lab.aws.ec2Requests().slice(ec2Before).map((r) => r.action), ...lab.aws.eks.requests.slice(eksBefore).map((r) => r.operation)]
  const out = await running
  lab.kube.faults.splice(0)
  assert.is(out.exitCode, 0, out.stderr)
  assert.ok(asked.includes('DescribeInstances') && asked.includes('DescribeAddonConfiguration'), asked.join(', '))
})

test('pods refused: the IP summary is not built, and the report says why', async () => {
  lab.kube.faults.push({resource: 'pods', status: 403})
  const out = await doctor(['--only', 'CNI001'])
  lab.kube.faults.splice(0)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.is(doc.ipSummary, null)
  assert.equal(doc.ipSummaryNotBuilt?.permissions, ['list pods'])
  assert.is(doc.ipSummaryNotBuilt?.reason, 'could not build the IP summary: needs list pods')
})

test('nodes refused and EKS denied: no subnet is known, so CNI007 does not run over an empty ENI list', async () => {
  lab.kube.faults.push({resource: 'nodes', status: 403})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeCluster'})
  lab.aws.eks.addFault({kind: 'deny', operation: 'ListNodegroups'})
  const out = await doctor(['--only', 'CNI007'])
  lab.kube.faults.splice(0)
  lab.aws.eks.clearFaults()
  assert.is(out.exitCode, 3, out.stderr)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.equal(doc.checked, [])
  assert.equal(doc.notChecked.map((n) => [n.id, n.reason]), [['CNI007', 'could not check: needs list nodes']])
})

test('EC2 subnets refused: the subnet checks are not checked, naming ec2:DescribeSubnets; the others still run', async () => {
  lab.aws.ec2.addFault({action: 'DescribeSubnets', kind: 'unauthorized'})
  const out = await doctor()
  lab.aws.ec2.clearFaults()
  const doc = JSON.parse(out.stdout) as DoctorReport
  const refused = doc.notChecked.filter((n) => n.permission === 'ec2:DescribeSubnets')
  assert.equal(refused.filter((n) => !n.partial).map((n) => n.id), ['CNI004', 'CNI005', 'CNI006', 'CNI008'])
  // CNI021 still checks that every node's ENIConfig exists; only its zone check needs the subnets. CNI030 still
  // classifies every failure, and cannot say whether a subnet out of addresses (CNI004) explains one.
  assert.equal(refused.filter((n) => n.partial).map((n) => n.id), ['CNI021', 'CNI030'])
  assert.ok(doc.checked.includes('CNI001') && doc.checked.includes('CNI007'))
  assert.is(doc.notChecked[0].reason, 'could not check: needs ec2:DescribeSubnets')
  assertNoMutation(lab)
})

test('EKS node groups denied: the subnet checks run without max sizes, and say so as partial', async () => {
  lab.aws.eks.addFault({kind: 'deny', operation: 'ListNodegroups'})
  const out = await doctor(['--only', 'CNI004'])
  lab.aws.eks.clearFaults()
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.equal(doc.checked, ['CNI004'])
  assert.equal(doc.notChecked.map((n) => [n.id, n.partial, n.permission]), [['CNI004', true, 'eks:ListNodegroups']])
})

test('text output: grouped by severity, within 80 columns, the IP summary and the not-checked list', async () => {
  const out = await runCommand<DoctorReport>(Doctor, lab.flags)
  assert.is(out.exitCode, 1, out.stderr)
  const lines = out.stdout.split('\n')
  assert.ok(lines.every((line) => line.length <= 80), lines.filter((l) => l.length > 80).join('\n'))
  assert.match(out.stdout, /^vpccni doctor: lab /)
  assert.match(out.stdout, /\nErrors \(2\)\n {2}CNI004 {2}Subnet\/subnet-\w+ · Subnet runway\n/)
  assert.match(out.stdout, /\nWarnings \(1\)\n {2}CNI008 /)
  assert.match(out.stdout, /\nIP addresses\n {2}total: \d+ held, \d+ assigned to pods/)
  assert.is(out.stderr, '', 'no progress line when stderr is not a terminal')
})

test('across every run above, only reads reached the lab', () => {
  assertNoMutation(lab)
  assert.ok(lab.kube.requests.length > 0 && lab.aws.ec2Requests().length > 0 && lab.aws.eks.requests.length > 0)
})

test.run()
