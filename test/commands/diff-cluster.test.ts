import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Diff from '../../src/commands/diff.js'
import WarmTargets from '../../src/commands/warm-targets.js'
import type {DiffReport} from '../../src/core/diff/diff-report.js'
import type {WarmTargetsResult} from '../../src/core/warm-targets/recommend-warm-targets.js'
import type {SubnetFree} from '../../src/sources/warm-targets/read-subnet-free.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {runKubectl} from '../lab/kubectl.js'
import {runBinary} from '../helpers/run-binary.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('diff and warm-targets --subnet read the cluster (cluster lab)')
let lab: ClusterLab

const diff = async (argv: string[] = []) => {
  const out = await runCommand<DiffReport>(Diff, [...argv, ...lab.flags, '--json'])
  return {...out, doc: JSON.parse(out.stdout) as DiffReport}
}

const WARM_IP = '.spec.template.spec.containers[name="aws-node"].env[name="WARM_IP_TARGET"]'
const IMAGE = '.spec.template.spec.containers[name="aws-node"].image'

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

test('the managed add-on as installed: no change, managed per EKS DescribeAddon, ownership from managedFields', async () => {
  const {doc, exitCode} = await diff()
  assert.is(exitCode, 0)
  assert.equal(doc.changes, [])
  assert.equal(doc.addon, {basis: 'EKS DescribeAddon (vpc-cni v1.19.0-eksbuild.1)', status: 'managed'})
  assert.is(doc.ownership.source, 'managedFields')
  assert.ok(doc.ownership.managers.includes('eks'))
})

test('env edited with kubectl set env: preserved, owned by the user; the remedy keeps it over the add-on\'s configurationValues', async () => {
  await lab.rebuild({kube: {awsNode: {userEnv: {WARM_IP_TARGET: '7'}}}})
  const {doc, exitCode} = await diff()
  assert.is(exitCode, 0)
  assert.equal(doc.changes.map((c) => [c.path, c.owner, c.effect, c.managers]), [[WARM_IP, 'user', 'preserved', ['kubectl-set']]])
  assert.equal(doc.remedy?.configurationValues, {env: {MINIMUM_IP_TARGET: '10', WARM_IP_TARGET: '7'}})
  assert.match(doc.remedy?.command ?? '', /^aws eks update-addon --cluster-name lab --addon-name vpc-cni /)
})

test('image edited with kubectl set image: contested, exit 1, first in the table, with EKS\'s conflict path', async () => {
  const image = '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.0'
  await lab.rebuild({kube: {awsNode: {userImage: image}}})
  const {doc, exitCode} = await diff()
  assert.is(exitCode, 1)
  assert.equal(doc.changes.map((c) => [c.path, c.current, c.effect]), [[IMAGE, image, 'contested']])
  const plain = await runCommand(Diff, lab.flags)
  assert.match(plain.stdout, /contested\s+containers\[name="aws-node"\]\.image/)
  assert.match(plain.stdout, /^  DaemonSet\.apps aws-node - \.spec\.template\.spec\.containers\[name="aws-node"\]\.image$/m)
})

test('the live diff agrees with kubectl get --show-managed-fields | vpccni diff -f -', async () => {
  await lab.rebuild({kube: {awsNode: {userEnv: {AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true', WARM_ENI_TARGET: '3', WARM_IP_TARGET: '7'}, userImage: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.0'}}})
  const live = await diff()
  const yaml = await runKubectl(lab.kube.kubeconfig, ['get', 'ds', 'aws-node', '-n', 'kube-system', '-o', 'yaml', '--show-managed-fields'], lab.kube.dir)
  const piped = runBinary(['diff', '-f', '-', '--json'], {input: yaml})
  const verdicts = (r: DiffReport) => r.changes.map((c) => [c.path, c.effect, c.owner, c.managers, c.conflict])
  assert.equal(verdicts(JSON.parse(piped.stdout) as DiffReport), verdicts(live.doc))
  assert.equal(live.doc.changes.map((c) => c.effect), ['contested', 'contested', 'preserved', 'preserved'])
  assert.equal([piped.exitCode, live.exitCode], [1, 1])
})

test('configurationValues keys are checked against the running add-on version\'s schema; denied, against the embedded one', async () => {
  await lab.rebuild({kube: {awsNode: {userEnv: {AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true'}}}})
  const snat = '.spec.template.spec.containers[name="aws-node"].env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT"].value'
  const {doc, exitCode} = await diff()
  assert.is(exitCode, 1, 'the manifest sets AWS_VPC_K8S_CNI_EXTERNALSNAT: kubectl-set took it from eks, EKS contests it')
  // The lab's v1.19.0-eksbuild.1 schema is a cut with five env keys (test/lab/eks-fixtures.ts).
  assert.equal([doc.remedy?.schemaSource, doc.remedy?.schemaVersion], ['cluster', 'v1.19.0-eksbuild.1'])
  assert.equal(doc.remedy?.notSettable.map((n) => n.path), [snat])
  assert.ok(lab.aws.eks.requests.some((r) => r.operation === 'DescribeAddonConfiguration' && r.query.addonVersion === 'v1.19.0-eksbuild.1'))
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddonConfiguration'})
  const denied = await diff()
  assert.equal([denied.doc.remedy?.schemaSource, denied.doc.remedy?.schemaVersion], ['embedded', 'v1.15.1-eksbuild.1'])
  assert.equal(denied.doc.remedy?.configurationValues, {env: {AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true', MINIMUM_IP_TARGET: '10', WARM_IP_TARGET: '5'}})
  assert.match(denied.stderr, /^warning: the configuration schema of vpc-cni v1\.19\.0-eksbuild\.1 not read \(.*needs eks:DescribeAddonConfiguration\)/m)
})

test('EKS DescribeAddon refused: managed is told from managedFields, and the command still names the kubeconfig context\'s cluster', async () => {
  await lab.rebuild({kube: {awsNode: {userEnv: {WARM_IP_TARGET: '7'}}}})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddon'})
  const {doc} = await diff()
  lab.aws.eks.clearFaults()
  assert.match(doc.addon.basis, /managedFields/)
  assert.match(doc.remedy?.command ?? '', /^aws eks update-addon --cluster-name lab --addon-name vpc-cni /)
})

test('self-managed: EKS has no vpc-cni add-on, every change is informational', async () => {
  await lab.rebuild({kube: {awsNode: {installedBy: 'kubectl', userEnv: {WARM_IP_TARGET: '7'}}}})
  delete lab.aws.eks.state.addons.lab['vpc-cni']
  const {doc, exitCode} = await diff()
  assert.is(exitCode, 0)
  assert.equal(doc.addon, {basis: 'EKS DescribeAddon: no vpc-cni add-on', status: 'self-managed'})
  assert.equal(doc.changes.map((c) => c.effect), ['informational'])
  assert.is(doc.remedy, null)
})

test('EKS denied: managedFields tell managed or not, with a note naming the permission', async () => {
  await lab.rebuild({kube: {awsNode: {userImage: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.0'}}})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeAddon'})
  const {doc, exitCode, stderr} = await diff()
  assert.is(exitCode, 1)
  assert.is(doc.addon.status, 'managed')
  assert.match(doc.addon.basis, /managedFields/)
  assert.match(stderr, /^warning: managed or not is told from managedFields: eks:DescribeAddon: .*\(needs eks:DescribeAddon\)$/m)
})

test('the ConfigMap and ENIConfigs are read: custom networking without an ENIConfig is an error, with one it is fine', async () => {
  const awsNode = {env: {AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true'}}
  await lab.rebuild({kube: {awsNode, eniConfigs: []}})
  const lint = async () => (await diff()).doc.lint.filter((f) => f.id === 'custom-networking-eniconfigs').map((f) => f.severity)
  assert.equal(await lint(), ['error'])
  await lab.rebuild({kube: {awsNode, eniConfigs: [{name: 'us-west-2a', securityGroups: [lab.scenario.securityGroupId], subnet: lab.scenario.subnets[0].subnetId}]}})
  assert.equal(await lint(), [])
  assert.ok(lab.kube.requests.some((r) => r.path === '/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni'))
})

test('no aws-node DaemonSet: exit 3, one line', async () => {
  await lab.rebuild({kube: {awsNode: null}})
  const out = await runCommand(Diff, lab.flags)
  assert.is(out.exitCode, 3)
  assert.match(out.stderr, /^error: kubernetes:readAwsNode: aws-node DaemonSet not found in kube-system/)
})

type Warm = WarmTargetsResult & {subnet: null | SubnetFree}
const warm = (argv: string[]) => runCommand<Warm>(WarmTargets, ['--instance-type', 'm5.large', '--pods', '10', '--nodes', '20', ...argv, ...lab.flags, '--json'])

test('warm-targets --subnet: the free addresses EC2 reports feed "nodes until the subnet runs out"', async () => {
  await lab.rebuild()
  const [roomy, tight] = lab.scenario.subnets
  const out = await warm(['--subnet', tight.subnetId])
  // One free address holds no node: a problem found, named with where the count came from.
  assert.is(out.exitCode, 1, out.stderr)
  const doc = JSON.parse(out.stdout) as Warm
  assert.equal(doc.subnet, {availabilityZone: tight.availabilityZone, cidrBlock: tight.cidr, free: 1, origin: 'EC2 DescribeSubnets', subnetId: tight.subnetId})
  assert.is(doc.inputs.subnetFree, 1)
  assert.match(doc.problem!, /^not one node fits in the subnet: 1 free address, from EC2 DescribeSubnets, while a node takes \d+ at its peak/)
  const free = (JSON.parse((await warm(['--subnet', roomy.subnetId])).stdout) as Warm).subnet!.free
  assert.ok(free > 100, `the roomy subnet has ${free} free`)
  assert.ok(lab.aws.ec2Requests().some((r) => r.action === 'DescribeSubnets'))
})

test('warm-targets: an unknown subnet, or --subnet with --subnet-free, is bad input naming it (exit 2)', async () => {
  const unknown = await warm(['--subnet', 'subnet-0000000000000dead'])
  assert.is(unknown.exitCode, 2)
  assert.match(unknown.stderr, /^error: subnet subnet-0000000000000dead was not found in us-west-2; /)
  const both = await warm(['--subnet', lab.scenario.subnets[0].subnetId, '--subnet-free', '100'])
  assert.is(both.exitCode, 2)
  assert.match(both.stderr, /^error: --subnet and --subnet-free both give the free addresses: pass one/)
})

test('only reads: Kubernetes GETs, EC2 Describe*, EKS GETs', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.aws.ec2Requests().filter((r) => !r.action.startsWith('Describe') && !r.dryRun), [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
})

test.run()
