import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Compat from '../../src/commands/compat.js'
import UpgradePlanCommand from '../../src/commands/upgrade-plan.js'
import type {CompatReport} from '../../src/core/compat/evaluate-compat.js'
import type {FactSource} from '../../src/core/compat/fact-sources.js'
import type {UpgradePlan} from '../../src/core/compat/upgrade-plan-types.js'
import {type ClusterLab, type ClusterLabSpec, startClusterLab} from '../lab/cluster-lab.js'
import {runBinaryAsync} from '../helpers/run-binary.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('compat and upgrade-plan read the cluster when flags are absent (cluster lab)')
let lab: ClusterLab

type Sourced<T> = T & {sources: FactSource[]}
const compat = (argv: string[]) => runCommand<Sourced<CompatReport>>(Compat, [...argv, ...lab.flags, '--json'])
const plan = (argv: string[]) => runCommand<Sourced<UpgradePlan>>(UpgradePlanCommand, [...argv, ...lab.flags, '--json'])
const fromOf = (sources: FactSource[]) => Object.fromEntries(sources.map((s) => [s.fact, s.from]))

/** A self-managed install: applied with kubectl, and EKS has no vpc-cni add-on for the cluster. */
async function selfManaged(spec: ClusterLabSpec): Promise<void> {
  await lab.rebuild(spec)
  delete lab.aws.eks.state.addons.lab['vpc-cni']
}

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

test('compat, managed add-on: both versions from the cluster, the install kind from EKS, each fact named with its source', async () => {
  const out = await compat([])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as Sourced<CompatReport>
  assert.is(doc.cniVersion, 'v1.23.1')
  assert.is(doc.kubernetesVersion, '1.31')
  assert.is(doc.installKind, 'managed')
  assert.ok(doc.compatible)
  const from = fromOf(doc.sources)
  assert.match(from.cniVersion, /^aws-node image 602401143452\.dkr\.ecr\.us-west-2\.amazonaws\.com\/amazon-k8s-cni:v1\.23\.1$/)
  assert.is(from.kubernetesVersion, 'the API server (/version)')
  assert.is(from.installKind, 'EKS DescribeAddon (vpc-cni v1.19.0-eksbuild.1)')
  assert.ok(doc.sources.every((s) => s.live))
})

test('compat plain: the verdict first, then where each fact came from', async () => {
  const out = await runCommand(Compat, lab.flags)
  assert.match(out.stdout, /^compatible: VPC CNI v1\.23\.1 on Kubernetes 1\.31\n/)
  assert.match(out.stdout, /\nFacts:\n {2}CNI version {2}v1\.23\.1 {14}from aws-node image .*\n {2}Kubernetes {3}v1\.31\.4-eks-2d5f260 {2}from the API server/)
})

test('flags win over the cluster: a given version is not read', async () => {
  const before = lab.kube.requests.length
  const out = await compat(['--kubernetes-version', '1.23', '--install', 'self-managed'])
  const doc = JSON.parse(out.stdout) as Sourced<CompatReport>
  assert.is(doc.kubernetesVersion, '1.23')
  assert.is(doc.installKind, 'self-managed')
  assert.equal(fromOf(doc.sources), {cniVersion: fromOf(doc.sources).cniVersion, installKind: '--install', kubernetesVersion: '--kubernetes-version'})
  assert.not.ok(lab.kube.requests.slice(before).some((r) => r.path === '/version'), 'no GET /version')
})

test('compat, self-managed install on Kubernetes 1.23 running v1.16.0: incompatible, exit 1', async () => {
  await selfManaged({kube: {awsNode: {imageTag: 'v1.16.0', installedBy: 'kubectl'}, kubernetesVersion: '1.23'}})
  const out = await compat([])
  assert.is(out.exitCode, 1)
  const doc = JSON.parse(out.stdout) as Sourced<CompatReport>
  assert.equal([doc.cniVersion, doc.kubernetesVersion, doc.installKind, doc.compatible], ['v1.16.0', '1.23', 'self-managed', false])
  assert.is(fromOf(doc.sources).installKind, 'EKS DescribeAddon: no vpc-cni add-on')
})

test('EKS denied: the verdict still comes, the install kind is unknown with a note naming the permission', async () => {
  await lab.rebuild()
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddon'})
  const out = await compat([])
  assert.is(out.exitCode, 0)
  const doc = JSON.parse(out.stdout) as Sourced<CompatReport>
  assert.is(doc.installKind, null)
  assert.match(out.stderr, /^warning: install kind unknown: eks:DescribeAddon: .*\(needs eks:DescribeAddon\); pass --install to say it$/m)
  assert.ok(doc.warnings.some((w) => w.startsWith('install kind unknown')))
})

test('an API server that does not answer in time: exit 3, and the error names the offline way', async () => {
  lab.kube.faults.push({delayMs: 2500, path: '/version'})
  try {
    const out = await runCommand(Compat, ['--cni-version', 'v1.20.0', ...lab.flags, '--request-timeout', '1'])
    assert.is(out.exitCode, 3)
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, /^error: kubernetes:readServerVersion: .*no answer within 1 s.*or, without a cluster: vpccni compat --cni-version/)
  } finally {
    lab.kube.faults.length = 0
  }
})

test('no aws-node DaemonSet: exit 3, one line naming it (the cluster\'s state, not bad usage)', async () => {
  await lab.rebuild({kube: {awsNode: null}})
  for (const run of [compat, plan]) {
    const out = await run([])
    assert.is(out.exitCode, 3)
    assert.match(out.stderr, /^error: kubernetes:readAwsNode: aws-node DaemonSet not found in kube-system: .*; pass --(cni-version|from) to work from a version without the cluster\n/)
  }
})

test('upgrade-plan, managed add-on: steps name the eksbuild versions the cluster is offered, the cluster and its region', async () => {
  await lab.rebuild({kube: {awsNode: {imageTag: 'v1.19.0-eksbuild.1'}}})
  const offered = lab.aws.eks.state.addonVersions[0].addonVersions as Array<Record<string, unknown>>
  const compatibilities = [{clusterVersion: '1.31', defaultVersion: false, platformVersions: ['*']}]
  offered.unshift({...offered[0], addonVersion: 'v1.21.1-eksbuild.9', compatibilities}, {...offered[0], addonVersion: 'v1.20.5-eksbuild.2', compatibilities})
  const out = await plan([])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as Sourced<UpgradePlan>
  assert.equal([doc.from, doc.to, doc.installKind, doc.installKindAssumed, doc.kubernetesVersion], ['v1.19.0', 'v1.21.1', 'managed', false, '1.31'])
  const updates = doc.steps.map((s) => s.commands.find((c) => c.command.startsWith('aws eks update-addon'))?.command)
  assert.equal(updates, [
    'aws eks update-addon --cluster-name lab --addon-name vpc-cni --addon-version v1.20.5-eksbuild.2 --resolve-conflicts PRESERVE',
    'aws eks update-addon --cluster-name lab --addon-name vpc-cni --addon-version v1.21.1-eksbuild.9 --resolve-conflicts PRESERVE',
  ])
  assert.match(fromOf(doc.sources).addonVersions, /^EKS DescribeAddonVersions for Kubernetes 1\.31$/)
  assert.ok(lab.aws.eks.requests.some((r) => r.operation === 'DescribeAddonVersions' && r.query.kubernetesVersion === '1.31'))
})

test('upgrade-plan --kubernetes-target: build names are asked for both Kubernetes versions', async () => {
  lab.aws.eks.requests.splice(0)
  const doc = JSON.parse((await plan(['--kubernetes-target', '1.32'])).stdout) as Sourced<UpgradePlan>
  assert.is(doc.kubernetesTarget, '1.32')
  const asked = lab.aws.eks.requests.filter((r) => r.operation === 'DescribeAddonVersions').map((r) => r.query.kubernetesVersion).sort()
  assert.equal(asked, ['1.31', '1.32'])
})

test('upgrade-plan, self-managed: kubectl commands with the region\'s manifest, no DescribeAddonVersions asked', async () => {
  await selfManaged({kube: {awsNode: {imageTag: 'v1.20.0', installedBy: 'kubectl'}}})
  lab.aws.eks.requests.splice(0)
  const out = await plan(['--format', 'markdown'])
  const doc = JSON.parse(out.stdout) as Sourced<UpgradePlan>
  assert.equal([doc.from, doc.installKind], ['v1.20.0', 'self-managed'])
  const commands = doc.steps.flatMap((s) => s.commands.map((c) => c.command))
  assert.ok(commands.includes('kubectl apply -f https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s/v1.21.1/config/master/aws-k8s-cni.yaml'), commands.join('\n'))
  assert.not.ok(commands.some((c) => c.startsWith('aws eks')))
  assert.not.ok(lab.aws.eks.requests.some((r) => r.operation === 'DescribeAddonVersions'))
})

test('upgrade-plan markdown lists the facts read from the cluster', async () => {
  const out = await runCommand(UpgradePlanCommand, [...lab.flags, '--format', 'markdown'])
  assert.match(out.stdout, /\n- cniVersion: v1\.20\.0 \(from aws-node image .*amazon-k8s-cni:v1\.20\.0\)\n- kubernetesVersion: v1\.31\.4-eks-2d5f260 \(from the API server \(\/version\)\)\n- installKind: self-managed \(from EKS DescribeAddon: no vpc-cni add-on\)\n/)
})

test('upgrade-plan --install managed: DescribeAddon is not asked, the commands still name the cluster', async () => {
  lab.aws.eks.requests.splice(0)
  const doc = JSON.parse((await plan(['--install', 'managed'])).stdout) as Sourced<UpgradePlan>
  assert.ok(doc.steps[0].commands.some((c) => c.command.startsWith('aws eks update-addon --cluster-name lab ')))
  assert.not.ok(lab.aws.eks.requests.some((r) => r.operation === 'DescribeAddon'))
})

test('upgrade-plan, DescribeAddonVersions denied: still a plan, the build names said to be looked up, with a note', async () => {
  await lab.rebuild({kube: {awsNode: {imageTag: 'v1.20.0-eksbuild.3'}}})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddonVersions'})
  const out = await plan([])
  assert.is(out.exitCode, 0)
  assert.match(out.stderr, /^warning: add-on build names not read: eks:DescribeAddonVersions: /m)
  const doc = JSON.parse(out.stdout) as Sourced<UpgradePlan>
  assert.equal(doc.steps.map((s) => s.to), ['v1.21.1'])
})

test('the real binary reads the lab through the environment the lab set (AWS endpoints, region, credentials)', async () => {
  await lab.rebuild()
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('AWS_')) as Array<[string, string]>)
  const out = await runBinaryAsync(['compat', ...lab.flags, '--json'], {env})
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as Sourced<CompatReport>
  assert.equal([doc.cniVersion, doc.kubernetesVersion, doc.installKind], ['v1.23.1', '1.31', 'managed'])
})

test('only reads: Kubernetes GETs, EC2 Describe*, EKS GETs', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.aws.ec2Requests().filter((r) => !r.action.startsWith('Describe') && !r.dryRun), [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
})

test.run()
