import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import IpamdDryRun from '../../src/commands/ipamd/dry-run.js'
import Snapshot from '../../src/commands/snapshot.js'
import type {DryRunResult} from '../../src/core/dry-run/dry-run-report.js'
import type {FleetResult} from '../../src/core/dry-run/fleet-rows.js'
import {type ClusterLab, type ClusterLabSpec, startClusterLab} from '../lab/cluster-lab.js'
import {makeEniConfig} from '../lab/objects/cluster-objects.js'
import {parseClusterRole} from '../lab/rbac.js'
import {checkpointJson, introspectionJson} from '../helpers/ipamd-files.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const test = suite('ipamd dry-run --node against the cluster lab')
let lab: ClusterLab
let work: string

const dryRun = (argv: string[]) => runCommand<DryRunResult>(IpamdDryRun, [...argv, ...lab.flags, '--json'])
const nodeName = (i: number) => lab.cluster.nodes[i].name
const json = <T = DryRunResult>(out: {stdout: string}) => JSON.parse(out.stdout) as T

/** Every request vpccni made reads, or carries DryRun=true; nothing was written to Kubernetes. */
function assertReadOnly(): void {
  const writes = lab.aws.ec2Requests().filter((r) => !/^(Describe|Get)/.test(r.action) && !r.dryRun)
  assert.equal(writes.map((r) => r.action), [])
  assert.equal(lab.kube.writes, [])
}

async function rebuild(spec: ClusterLabSpec): Promise<void> {
  await lab.rebuild(spec)
  lab.aws.ec2.requests.length = 0
}

test.before(async () => {
  lab = await startClusterLab()
  work = mkdtempSync(join(tmpdir(), 'vpccni-dry-run-'))
})

// Every test: whatever vpccni sent was a read, or carried DryRun=true.
test.after.each(() => assertReadOnly())

test.after(async () => {
  await lab.stop()
  rmSync(work, {force: true, recursive: true})
})

test('secondary-IP node at its warm target: no action, the JSON shape of the contract, settings from the running pod', async () => {
  await rebuild({})
  const out = await dryRun(['--node', nodeName(0)])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = json(out)
  assert.equal(Object.keys(doc).slice(0, 10), ['schemaVersion', 'node', 'instance', 'settings', 'current', 'actions', 'projectedState', 'limits', 'anomalies', 'assumptions'])
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.instance.type, 'm5.large')
  assert.is(doc.instance.maxPods, 29)
  assert.is(doc.settings.source, 'pod')
  assert.match(doc.settings.pod ?? '', /^kube-system\/aws-node-/)
  assert.equal(doc.actions, [])
  assert.equal({enis: doc.current.enis, totalIps: doc.current.totalIps, assignedIps: doc.current.assignedIps}, {enis: 2, totalIps: 18, assignedIps: 9})
  assert.equal(doc.projectedState, {addressesPerEni: [9, 9], assignedIps: 9, enis: 2, idleIps: 9, prefixes: 0, totalIps: 18})
  assert.equal(doc.anomalies, [])
  assert.ok(doc.assumptions.some((a) => a.startsWith('no IP is cooling')))
  assertReadOnly()
})

test('the documented ClusterRole is enough: dry-run reads nothing docs/rbac.yaml does not grant', async () => {
  lab.kube.rbac = parseClusterRole(readFileSync(join(projectRoot, 'docs/rbac.yaml'), 'utf8'))
  try {
    for (const argv of [['--node', nodeName(0)], ['--all']]) {
      const out = await dryRun(argv)
      assert.is(out.exitCode, 0, out.stderr)
    }

    assert.ok(lab.kube.requests.every((r) => r.status !== 403))
  } finally {
    lab.kube.rbac = undefined
  }
})

test('the plain view fits 80 columns and names the next actions and assumptions', async () => {
  const out = await runCommand(IpamdDryRun, ['--node', nodeName(0), ...lab.flags])
  assert.is(out.exitCode, 0, out.stderr)
  for (const line of out.stdout.split('\n')) assert.ok(line.length <= 80, line)
  assert.match(out.stdout, /^node ip-10-0-0-\d+\.us-west-2\.compute\.internal/)
  assert.match(out.stdout, /\nNext actions:\n {2}none: the pool is where its targets want it\n/)
  assert.match(out.stdout, /\nAssumed:\n {2}no IP is cooling/)
})

test('--set projects beside the current settings: WARM_IP_TARGET releases the surplus', async () => {
  const out = await dryRun(['--node', nodeName(0), '--set', 'WARM_IP_TARGET=2', '--set', 'MINIMUM_IP_TARGET=10'])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = json(out)
  assert.equal(doc.actions, [])
  assert.equal(doc.proposed?.set, {MINIMUM_IP_TARGET: '10', WARM_IP_TARGET: '2'})
  const first = doc.proposed!.actions[0]
  assert.is(first.kind, 'release')
  assert.match(first.text, /^now: release 7 IPs from eni-\w+, above (WARM_IP_TARGET=2|MINIMUM_IP_TARGET=10)$/)
  assert.is(doc.proposed!.projectedState.totalIps, 11)
})

test('--set is validated as ipamd simulate validates it: exit 2 before anything is read', async () => {
  const before = lab.kube.requests.length
  const out = await dryRun(['--node', nodeName(0), '--set', 'WARM_IP_TARGET=five'])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /WARM_IP_TARGET must be a non-negative integer, got "five"/)
  assert.is(lab.kube.requests.length, before)
})

test('--node or --all, not both and not neither: exit 2; the usage line does not show the one-node flags as exclusive', async () => {
  assert.is((await dryRun([])).exitCode, 2)
  const both = await dryRun(['--all', '--node', nodeName(0)])
  assert.is(both.exitCode, 2)
  assert.match(both.stderr, /^error: --all cannot go with --node: they are for one node\n$/)
  assert.is(JSON.parse(both.stdout).error.message, '--all cannot go with --node: they are for one node')
  const help = await runCommand(IpamdDryRun, ['--help'])
  assert.not.match(help.stdout, /--node <value> \|/)
})

test('a missing --checkpoint or --introspection file: exit 2 naming the flag', async () => {
  for (const flag of ['--checkpoint', '--introspection']) {
    const out = await dryRun(['--node', nodeName(0), flag, join(work, 'missing.json')])
    assert.is(out.exitCode, 2)
    assert.match(out.stderr, new RegExp(`^error: ${flag}: cannot read .*missing\\.json: no such file`))
  }
})

test('an unknown node by its short host name: --json keeps the suggestion', async () => {
  const short = nodeName(0).split('.')[0]
  const doc = JSON.parse((await dryRun(['--node', short])).stdout)
  assert.equal(doc.error.suggestions, [nodeName(0)])
})

test('an unknown node is bad input with the nearest names', async () => {
  const out = await dryRun(['--node', `${nodeName(0)}x`])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /no node named ".*x" in the cluster.*did you mean/)
})

test('with the checkpoint: an address assigned for a pod that is gone counts as assigned and is named', async () => {
  const eni = lab.scenario.nodes[0].enis
  const pods = lab.cluster.pods.filter((p) => p.nodeName === nodeName(0) && !p.hostNetwork)
  const allocations = [...pods.map((p) => ({address: p.ip, pod: `${p.namespace}/${p.name}`})), {address: eni[1].secondaryIps[0], pod: 'default/gone-7d9c6d8b8-abcde'}]
  const file = join(work, 'ipam.json')
  writeFileSync(file, checkpointJson(allocations))
  const doc = json(await dryRun(['--node', nodeName(0), '--checkpoint', file]))
  assert.is(doc.current.assignedIps, 10)
  assert.equal(doc.anomalies.map((a) => [a.code, a.subject]), [['assigned-without-pod', eni[1].secondaryIps[0]]])
  assert.match(doc.anomalies[0].detail, /to default\/gone-7d9c6d8b8-abcde, but no pod on the node has it/)
  assert.ok(!doc.assumptions.some((a) => a.startsWith('assigned addresses are')))
  assert.is(doc.inputs.checkpoint, file)
})

test('with /v1/enis: cooling addresses are read and no longer assumed away; the datastore is the source of assignments', async () => {
  const [primary, secondary] = lab.scenario.nodes[0].enis
  const pods = lab.cluster.pods.filter((p) => p.nodeName === nodeName(0) && !p.hostNetwork)
  const byIp = new Map(pods.map((p) => [p.ip, `${p.namespace}/${p.name}`]))
  const file = join(work, 'enis.json')
  writeFileSync(file, introspectionJson([
    {addresses: primary.secondaryIps.map((ip) => ({address: ip, pod: byIp.get(ip)})), cidrs: primary.secondaryIps.map((ip) => `${ip}/32`), id: primary.networkInterfaceId, primary: true, subnetId: primary.subnetId},
    {addresses: [{address: secondary.secondaryIps[0], unassignedSecondsAgo: 5}], cidrs: secondary.secondaryIps.map((ip) => `${ip}/32`), id: secondary.networkInterfaceId, primary: false, subnetId: secondary.subnetId},
  ], Date.now()))
  const doc = json(await dryRun(['--node', nodeName(0), '--introspection', file]))
  assert.is(doc.current.interfaces[1].cooling, 1)
  assert.is(doc.current.assignedIps, 9)
  assert.ok(!doc.assumptions.some((a) => a.startsWith('no IP is cooling')))
})

test('a file of the wrong shape is bad input, one line naming the file', async () => {
  const file = join(work, 'not-enis.json')
  writeFileSync(file, '{"version":"vpc-cni-ipam/1","allocations":[]}')
  const out = await dryRun(['--node', nodeName(0), '--introspection', file])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, new RegExp(`^error: --introspection ${file}: not an ipamd /v1/enis answer \\(no ENIs for network card 0\\)`))
  const checkpoint = await dryRun(['--node', nodeName(0), '--checkpoint', join(work, 'missing.json')])
  assert.is(checkpoint.exitCode, 2)
  assert.match(checkpoint.stderr, /missing\.json: no such file/)
})

test('prefix delegation: a node without a free /28 gets one prefix now', async () => {
  await rebuild({ec2: {nodes: [{enis: [{prefixes: 2}], instanceType: 'c5.4xlarge', subnet: 0}], subnets: [{availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'}], vpcCidr: '10.0.0.0/16'}, kube: {awsNode: {env: {ENABLE_PREFIX_DELEGATION: 'true'}}}, podsPerNode: [20]})
  const out = await dryRun(['--node', nodeName(0)])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = json(out)
  assert.is(doc.mode, 'prefix')
  assert.is(doc.actions[0].kind, 'assign')
  assert.match(doc.actions[0].text, /^now: assign 1 prefix to eni-\w+ to reach WARM_PREFIX_TARGET=1$/)
  assert.equal(doc.projectedState.prefixes, 3)
  assert.ok(doc.limits.some((l) => l.kind === 'subnet-free-prefixes' && !l.reached))
  assertReadOnly()
})

test('custom networking: the primary ENI carries no pods, a new ENI goes into the ENIConfig subnet', async () => {
  await rebuild({
    ec2: {nodes: [{enis: [{secondaryIps: 0}], instanceType: 'm5.large', subnet: 0}], subnets: [{availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'}, {availabilityZone: 'us-west-2a', cidr: '10.0.64.0/20'}], vpcCidr: '10.0.0.0/16'},
    kube: {awsNode: {env: {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone'}}},
    podsPerNode: [0],
  })
  const podSubnet = lab.scenario.subnets[1].subnetId
  lab.kube.state.objects.set('eniconfigs', [makeEniConfig({name: 'us-west-2a', securityGroups: [lab.scenario.securityGroupId], subnet: podSubnet})])
  const doc = json(await dryRun(['--node', nodeName(0)]))
  assert.ok(doc.settings.customNetworking)
  assert.is(doc.actions[0].kind, 'attach-eni')
  assert.match(doc.actions[0].text, /^now: attach a new ENI at device 1 with 9 IPs to reach WARM_ENI_TARGET=1$/)
  assert.ok(doc.assumptions.includes(`a new ENI goes into ${podSubnet}, from ENIConfig us-west-2a`))
  assert.ok(doc.limits.some((l) => l.kind === 'subnet-free-ips' && l.detail.startsWith(podSubnet) && l.used === 10))
})

test('--verify-permissions: DryRun calls only, allowed or denied per action; a denied needed call exits 1', async () => {
  lab.aws.ec2.requests.length = 0
  const out = await dryRun(['--node', nodeName(0), '--verify-permissions'])
  assert.is(out.exitCode, 0, out.stderr)
  const checks = json(out).permissions!
  assert.equal(checks.map((c) => [c.action, c.needed, c.allowed]), [
    ['ec2:CreateNetworkInterface', true, true],
    ['ec2:AttachNetworkInterface', true, true],
    ['ec2:ModifyNetworkInterfaceAttribute', true, true],
    ['ec2:AssignPrivateIpAddresses', false, null],
    ['ec2:UnassignPrivateIpAddresses', false, null],
    ['ec2:DetachNetworkInterface', false, null],
    ['ec2:DeleteNetworkInterface', false, null],
  ])
  const dryRuns = lab.aws.ec2Requests().filter((r) => !r.action.startsWith('Describe'))
  assert.equal(dryRuns.map((r) => [r.action, r.dryRun]), [['CreateNetworkInterface', true], ['AttachNetworkInterface', true], ['ModifyNetworkInterfaceAttribute', true]])
  // Sent with the tags ipamd creates the ENI with, so ec2:CreateTags is part of the answer.
  const create = dryRuns.find((r) => r.action === 'CreateNetworkInterface')!.params
  assert.is(create['TagSpecification.1.ResourceType'], 'network-interface')
  assert.ok(Object.values(create).includes('node.k8s.amazonaws.com/instance_id'), JSON.stringify(create))
  assert.match(json(out).permissionsNote ?? '', /caller.*ipamd uses the node's instance role/)
  lab.aws.ec2.addFault({action: 'CreateNetworkInterface', kind: 'unauthorized'})
  const denied = await dryRun(['--node', nodeName(0), '--verify-permissions'])
  assert.is(denied.exitCode, 1)
  assert.is(json(denied).permissions![0].allowed, false)
  lab.aws.ec2.clearFaults()
})

test('a node at its ENI limit with a pending pod: no room, the pod gets no address, exit 1', async () => {
  await rebuild({
    ec2: {nodes: [{enis: [{secondaryIps: 5}, {secondaryIps: 5}, {secondaryIps: 5}], instanceType: 't3.medium', subnet: 0}], subnets: [{availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'}], vpcCidr: '10.0.0.0/16'},
    kube: {extraPods: [{ip: '', name: 'web-5d8f7c1b4-pend1', node: 0}]},
    podsPerNode: [15],
  })
  const out = await dryRun(['--node', nodeName(0)])
  assert.is(out.exitCode, 1, out.stderr)
  const doc = json(out)
  assert.equal(doc.current.pendingPods, ['default/web-5d8f7c1b4-pend1'])
  assert.is(doc.podsWithoutAddress, 1)
  assert.ok(doc.limits.find((l) => l.kind === 'eni-limit')!.reached)
  assert.ok(doc.blocked.some((b) => b.includes('no room for another ENI')))
})

test('a trunk ENI: never given pool addresses, not counted in enis; branch-ENI pods leave the pool', async () => {
  await rebuild({
    ec2: {nodes: [{enis: [{secondaryIps: 9}, {interfaceType: 'trunk', secondaryIps: 0}], instanceType: 'm5.large', subnet: 0}], subnets: [{availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'}], vpcCidr: '10.0.0.0/16'},
    kube: {awsNode: {env: {ENABLE_POD_ENI: 'true'}}, extraPods: [{ip: '10.0.200.9', name: 'cart-5d8f7c2b4-sgp01', node: 0, podEni: true}]},
    podsPerNode: [5],
  })
  const doc = json(await dryRun(['--node', nodeName(0)]))
  assert.equal(doc.current.interfaces.map((e) => e.role), ['pool', 'trunk'])
  assert.is(doc.current.enis, 1)
  assert.is(doc.current.assignedIps, 5)
  assert.equal(doc.anomalies, [])
  assert.is(doc.actions[0].kind, 'attach-eni')
  assert.match(doc.actions[0].text, /at device 2 /)
})

test('an unmanaged ENI, an ENI in an excluded subnet and a pod IP on no ENI are named; the ENI limit counts them', async () => {
  await rebuild({
    ec2: {
      nodes: [{enis: [{secondaryIps: 9}, {secondaryIps: 3, tags: {'node.k8s.amazonaws.com/no_manage': 'true'}}, {secondaryIps: 4, subnet: 1}], instanceType: 'm5.large', subnet: 0}],
      subnets: [{availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'}, {availabilityZone: 'us-west-2a', cidr: '10.0.32.0/20', tags: {'kubernetes.io/role/cni': '0'}}],
      vpcCidr: '10.0.0.0/16',
    },
    kube: {extraPods: [{ip: '10.0.99.99', name: 'ledger-5d8f7c3b4-lost1', node: 0}]},
    podsPerNode: [8],
  })
  const doc = json(await dryRun(['--node', nodeName(0)]))
  const [, unmanaged, excluded] = doc.current.interfaces
  assert.is(unmanaged.role, 'unmanaged')
  assert.ok(excluded.excluded)
  assert.match(excluded.why ?? '', /tagged kubernetes\.io\/role\/cni=0/)
  assert.equal(doc.anomalies.map((a) => a.code).sort(), ['pod-ip-on-no-eni', 'unmanaged-eni'])
  assert.is(doc.current.totalIps, 9)
  assert.is(doc.current.enis, 2)
  assert.ok(doc.limits.find((l) => l.kind === 'eni-limit')!.reached)
})

test('settings: a pod started before a DaemonSet edit keeps its values, and says so', async () => {
  await rebuild({kube: {awsNode: {userEnv: {WARM_IP_TARGET: '5'}}, awsNodePods: {env: {WARM_IP_TARGET: '0'}}}})
  const doc = json(await dryRun(['--node', nodeName(0)]))
  assert.is(doc.settings.warmIpTarget, 0)
  assert.equal(doc.settings.differsFromDaemonSet, ['WARM_IP_TARGET'])
  assert.equal(doc.anomalies.map((a) => a.code), ['settings-predate-daemonset'])
})

test('--all: one row per node, paged reads and batched EC2 calls, no per-node call; the table fits 80 columns', async () => {
  await rebuild({})
  lab.aws.ec2.setPageSize('DescribeNetworkInterfaces', 2)
  const before = lab.kube.requests.length
  const out = await dryRun(['--all'])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = json<FleetResult>(out)
  assert.equal(doc.nodes.map((n) => n.node), lab.cluster.nodes.map((n) => n.name))
  // The c5.4xlarge holds prefixes, which a secondary-IP cluster's pool does not count.
  assert.equal(doc.nodes.map((n) => n.heldIps), [18, 0, 8])
  const calls = lab.aws.ec2Requests().map((r) => r.action)
  assert.equal([...new Set(calls)].sort(), ['DescribeNetworkInterfaces', 'DescribeSubnets'])
  assert.is(calls.filter((c) => c === 'DescribeSubnets').length, 1)
  assert.ok(lab.kube.requests.length - before <= 5)
  const plain = await runCommand(IpamdDryRun, ['--all', ...lab.flags])
  for (const line of plain.stdout.split('\n')) assert.ok(line.length <= 80, line)
  assert.match(plain.stdout, /^NODE +TYPE +HELD +USED +PROJ +NEXT\n/)
  const proposed = json<FleetResult>(await dryRun(['--all', '--set', 'WARM_IP_TARGET=1']))
  assert.equal(proposed.nodes.map((n) => n.proposedIps), [10, 1, 5])
  lab.aws.ec2.clearFaults()
})

test('--from-dir: a snapshot that holds the node gives the same projection', async () => {
  const dir = join(work, 'snap')
  assert.is((await runCommand(Snapshot, ['-o', dir, ...lab.flags])).exitCode, 0)
  const live = json(await dryRun(['--node', nodeName(0)]))
  const replayed = await runCommand<DryRunResult>(IpamdDryRun, ['--node', nodeName(0), '--from-dir', dir, '--json'])
  assert.is(replayed.exitCode, 0, replayed.stderr)
  const doc = json(replayed)
  assert.equal(doc.actions, live.actions)
  assert.equal(doc.projectedState, live.projectedState)
  assert.is(doc.settings.source, 'pod')
  const verify = await runCommand(IpamdDryRun, ['--node', nodeName(0), '--from-dir', dir, '--verify-permissions'])
  assert.is(verify.exitCode, 2)
  assert.match(verify.stderr, /a snapshot cannot answer ec2:/)
})

test.run()
