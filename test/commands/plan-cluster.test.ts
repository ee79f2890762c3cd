import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Plan from '../../src/commands/plan.js'
import Snapshot from '../../src/commands/snapshot.js'
import type {PlanResult} from '../../src/core/plan/build-plan.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {LAB_NODEGROUP_GROWTH} from '../lab/eks-fixtures.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni plan --from-cluster against the cluster lab (read-only)')
let lab: ClusterLab
let work: string

test.before(async () => {
  lab = await startClusterLab()
  work = mkdtempSync(join(tmpdir(), 'vpccni-plan-'))
})

test.after(async () => {
  await lab.stop()
  rmSync(work, {force: true, recursive: true})
})

const plan = (argv: string[]) => runCommand<PlanResult>(Plan, [...argv, '--json'])

test('today\'s node groups at their max size: EKS scaling config, the busiest node\'s pods, the live settings and subnets', async () => {
  const out = await plan(['--from-cluster', ...lab.flags])
  const doc = JSON.parse(out.stdout) as PlanResult
  assert.match(doc.inputs.origin, /^EKS cluster lab$/)
  assert.equal(doc.groups.map((g) => [g.name, g.instanceType, g.desired, g.max]), [
    // In name order, as the node-group reader returns them.
    ['ng-c5-4xlarge', 'c5.4xlarge', 1, 1 + LAB_NODEGROUP_GROWTH],
    ['ng-m5-large', 'm5.large', 1, 1 + LAB_NODEGROUP_GROWTH],
    ['ng-t3-medium', 't3.medium', 1, 1 + LAB_NODEGROUP_GROWTH],
  ])
  // Pods per node are the workload pods the lab put on each node; max pods is the node's capacity.
  const podsOf = (type: string) => lab.cluster.pods.filter((p) => !p.hostNetwork && lab.cluster.nodes.find((n) => n.name === p.nodeName)?.instanceType === type).length
  for (const g of doc.groups) {
    assert.is(g.podsPerNode, podsOf(g.instanceType), g.name)
    assert.is(g.podsAssumed, false)
  }

  assert.equal(doc.subnets.map((s) => [s.subnetId, s.zone, s.cidr]), lab.scenario.subnets.map((s) => [s.subnetId, s.availabilityZone, s.cidr]))
  // The t3.medium group's /28 cannot hold three nodes: exit 1.
  const crowded = doc.subnets.find((s) => s.cidr === '10.0.16.0/28')!
  assert.is(crowded.fitsAtMax, false)
  // Today's free addresses (EC2 AvailableIpAddressCount) against the growth from desired to max size.
  const roomy = doc.subnets.find((s) => s.cidr === '10.0.0.0/20')!
  assert.ok(roomy.freeNow! > 4000 && roomy.freeNow! < 4091, String(roomy.freeNow))
  assert.is(roomy.growthFitsNow, true)
  assert.ok(crowded.freeNow! < crowded.max.total - crowded.desired.total)
  assert.is(crowded.growthFitsNow, false)
  assert.is(doc.fitsAtMax, false)
  assert.is(out.exitCode, 1, out.stderr)
})

test('read-only: GETs to Kubernetes, Describe* and List* reads to EC2 and EKS, nothing else', async () => {
  lab.aws.eks.requests.length = 0
  await plan(['--from-cluster', ...lab.flags])
  assert.equal(lab.kube.writes, [])
  assert.ok(lab.aws.ec2Requests().every((r) => r.action.startsWith('Describe') || r.dryRun), 'EC2 reads only')
  const eks = [...new Set(lab.aws.eks.requests.map((r) => `${r.method} ${r.operation}`))].sort()
  assert.equal(eks, ['GET DescribeNodegroup', 'GET ListNodegroups'])
})

test('a snapshot replays the same plan (--from-dir)', async () => {
  const dir = join(work, 'snap')
  assert.is((await runCommand(Snapshot, ['-o', dir, ...lab.flags])).exitCode, 0)
  const live = JSON.parse((await plan(['--from-cluster', ...lab.flags])).stdout) as PlanResult
  const replayed = await plan(['--from-dir', dir])
  assert.is(replayed.exitCode, 1)
  const doc = JSON.parse(replayed.stdout) as PlanResult
  assert.match(doc.inputs.origin, /^snapshot /)
  assert.equal({...doc, inputs: null}, {...live, inputs: null})
})

test('ListNodegroups denied: exit 3 naming the permission and the offline way', async () => {
  lab.aws.eks.addFault({kind: 'deny', operation: 'ListNodegroups'})
  try {
    const out = await runCommand(Plan, ['--from-cluster', ...lab.flags])
    assert.is(out.exitCode, 3)
    assert.match(out.stderr, /^error: eks:ListNodegroups: .*eks:ListNodegroups/)
    assert.match(out.stderr, /--node-group TYPE:COUNT:MAX/)
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
  } finally {
    lab.aws.eks.clearFaults()
  }
})

test('no managed node group: exit 2 saying so, and how to plan instead', async () => {
  const groups = lab.aws.eks.state.nodeGroups.lab
  lab.aws.eks.state.nodeGroups.lab = {}
  try {
    const out = await runCommand(Plan, ['--from-cluster', ...lab.flags])
    assert.is(out.exitCode, 2)
    assert.match(out.stderr, /^error: the cluster has no managed node groups to plan for \(its 3 node\(s\) are self-managed/)
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
  } finally {
    lab.aws.eks.state.nodeGroups.lab = groups
  }
})

test('--subnet stands in for the live subnets: a what-if on bigger ones', async () => {
  const out = await plan(['--from-cluster', ...lab.flags, '--subnet', 'us-west-2a=10.0.0.0/20', '--subnet', 'us-west-2b=10.0.32.0/20'])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as PlanResult
  assert.equal(doc.subnets.map((s) => s.cidr), ['10.0.0.0/20', '10.0.32.0/20'])
})

test.run()
