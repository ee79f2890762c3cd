import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import MaxPods from '../src/commands/max-pods.js'
import {describeInstanceTypes} from '../src/sources/ec2/describe-instance-types.js'
import {describeInstances} from '../src/sources/ec2/describe-instances.js'
import {describeNetworkInterfaces, describeSubnetNetworkInterfaces} from '../src/sources/ec2/describe-network-interfaces.js'
import {describeSubnets} from '../src/sources/ec2/describe-subnets.js'
import {dryRun} from '../src/sources/ec2/dry-run.js'
import {getSubnetCidrReservations} from '../src/sources/ec2/get-subnet-cidr-reservations.js'
import {describeAddon} from '../src/sources/eks/describe-addon.js'
import {describeAddonConfiguration} from '../src/sources/eks/describe-addon-configuration.js'
import {describeAddonVersions} from '../src/sources/eks/describe-addon-versions.js'
import {describeCluster} from '../src/sources/eks/describe-cluster.js'
import {listNodegroups} from '../src/sources/eks/list-nodegroups.js'
import {type AwsLab, startAwsLab} from './lab/aws-lab.js'
import {DEFAULT_SCENARIO} from './lab/ec2-scenario-spec.js'
import {projectRoot, runCommand} from './helpers/run-command.js'

/** The read-only actions: EC2's and EKS's Describe*, Get* and List*. */
const isRead = (action: string): boolean => /^(Describe|Get|List)/.test(action)

const test = suite('read-only by construction, and the IAM policy matches the requests made')
const policy = JSON.parse(readFileSync(join(projectRoot, 'docs/iam-policy.json'), 'utf8')) as {Statement: Array<{Action: string[]}>}
const policyActions = policy.Statement.flatMap((s) => s.Action).sort()
let lab: AwsLab

test.before(async () => {
  lab = await startAwsLab()
  const scenario = await lab.scenario({...DEFAULT_SCENARIO, nodeGroups: [{instanceTypes: ['m5.large'], maxSize: 4, name: 'ng-m5', subnets: [0]}]})
  const aws = {region: 'us-west-2'}
  const ids = scenario.nodes.map((n) => n.instanceId)
  const node = scenario.nodes[0]
  // Every reader of the AWS source layer, once.
  await describeInstanceTypes(aws, ['m5.large'])
  await describeInstances(aws, ids)
  await describeNetworkInterfaces(aws, ids)
  await describeSubnets(aws, scenario.subnets.map((s) => s.subnetId))
  await describeSubnetNetworkInterfaces(aws, scenario.subnets.map((s) => s.subnetId))
  await getSubnetCidrReservations(aws, scenario.subnets.map((s) => s.subnetId))
  await dryRun(aws, {action: 'CreateNetworkInterface', subnetId: node.subnetId})
  await dryRun(aws, {action: 'AttachNetworkInterface', deviceIndex: 2, instanceId: node.instanceId, networkInterfaceId: node.enis[1].networkInterfaceId})
  await dryRun(aws, {action: 'CreateTags', resourceIds: [node.instanceId], tags: {probe: 'x'}})
  const attachmentId = (await describeNetworkInterfaces(aws, [node.instanceId])).find((eni) => !eni.primary)!.attachment!.attachmentId!
  await dryRun(aws, {action: 'DetachNetworkInterface', attachmentId})
  await dryRun(aws, {action: 'DeleteNetworkInterface', networkInterfaceId: node.enis[1].networkInterfaceId})
  await dryRun(aws, {action: 'ModifyNetworkInterfaceAttribute', attachmentId, networkInterfaceId: node.enis[1].networkInterfaceId})
  await describeCluster(aws, scenario.clusterName)
  await describeAddon(aws, scenario.clusterName)
  await listNodegroups(aws, scenario.clusterName)
  await describeAddonVersions(aws, {kubernetesVersion: '1.31'})
  await describeAddonConfiguration(aws, 'v1.19.0-eksbuild.1')
  await listNodegroups(aws, scenario.clusterName)
  assert.is((await runCommand(MaxPods, ['m5.large', '--source', 'ec2'])).exitCode, 0)
})
test.after(async () => lab?.stop())

test('every EC2 request vpccni made is a Describe* or Get* read, or carries DryRun=true', () => {
  const requests = lab.ec2Requests()
  assert.ok(requests.length >= 8)
  const writes = requests.filter((r) => !isRead(r.action) && !r.dryRun).map((r) => r.action)
  assert.equal(writes, [])
  assert.equal([...new Set(requests.filter((r) => r.dryRun).map((r) => r.action))].sort(), [
    'AttachNetworkInterface',
    'CreateNetworkInterface',
    'CreateTags',
    'DeleteNetworkInterface',
    'DetachNetworkInterface',
    'ModifyNetworkInterfaceAttribute',
  ])
})

test('every EKS request was a GET to a known read', () => {
  assert.ok(lab.eks.requests.length >= 4)
  assert.equal(lab.eks.requests.filter((r) => r.method !== 'GET' || r.operation === 'unknown'), [])
})

test('docs/iam-policy.json lists exactly the actions made without DryRun', () => {
  const ec2 = lab.ec2Requests().filter((r) => !r.dryRun).map((r) => `ec2:${r.action}`)
  const eks = lab.eks.requests.map((r) => `eks:${r.operation}`)
  assert.equal([...new Set([...ec2, ...eks])].sort(), policyActions)
})

test('the source code names no other AWS action, and only dry-run.ts sends mutating ones, each with DryRun: true', () => {
  const dir = join(projectRoot, 'src/sources')
  const files = readdirSync(dir, {recursive: true, withFileTypes: true}).filter((f) => f.isFile() && f.name.endsWith('.ts'))
  const reads = new Set<string>()
  for (const file of files) {
    const path = join(file.parentPath, file.name)
    const text = readFileSync(path, 'utf8')
    const ec2 = path.includes('/eks/') ? 'eks' : 'ec2'
    for (const [, name] of text.matchAll(/new sdk\.(\w+)Command\(/g)) {
      if (isRead(name)) reads.add(`${ec2}:${name}`)
      else assert.is(relative(dir, path), 'ec2/dry-run.ts', `${name} outside the DryRun helper`)
    }

    for (const [, name] of text.matchAll(/sdk\.paginate(\w+)\(/g)) reads.add(`${ec2}:${name}`)
  }

  assert.equal([...reads].sort(), policyActions)
  const dryRunSource = readFileSync(join(dir, 'ec2/dry-run.ts'), 'utf8')
  const mutating = [...dryRunSource.matchAll(/new sdk\.(\w+)Command\(\{([^}]*)/g)]
  assert.is(mutating.length, 6)
  for (const [, name, args] of mutating) assert.match(args, /DryRun: true/, name)
})

test('the README shows the same policy', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  assert.ok(readme.includes(readFileSync(join(projectRoot, 'docs/iam-policy.json'), 'utf8').trimEnd()))
})

test.run()
