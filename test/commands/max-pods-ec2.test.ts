import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import MaxPods from '../../src/commands/max-pods.js'
import type {MaxPodsReport} from '../../src/core/max-pods/max-pods-report.js'
import {type AwsLab, startAwsLab} from '../lab/aws-lab.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni max-pods --source ec2 against moto')
let lab: AwsLab

test.before(async () => {
  lab = await startAwsLab()
})
test.after(async () => lab?.stop())

async function report(argv: string[]): Promise<MaxPodsReport> {
  const out = await runCommand<MaxPodsReport>(MaxPods, [...argv, '--json'])
  assert.is(out.exitCode, 0, out.stderr)
  return JSON.parse(out.stdout) as MaxPodsReport
}

const byType = (doc: MaxPodsReport) => new Map(doc.results.map((r) => [r.instanceType, r]))

for (const mode of [[], ['--prefix'], ['--custom-networking', '--no-cap']]) {
  test(`every type moto knows agrees with the embedded data ${mode.join(' ') || '(secondary IPs)'}`, async () => {
    const live = await report(['--all', '--source', 'ec2', '--region', 'us-west-2', ...mode])
    const embedded = byType(await report(['--all', ...mode]))
    assert.is(live.data.source, 'ec2')
    assert.ok(live.results.length > 1000, `moto described ${live.results.length} types`)
    const shared = live.results.filter((r) => embedded.has(r.instanceType))
    const differ = (field: 'maxPods' | 'uncappedMaxPods') =>
      shared.filter((r) => embedded.get(r.instanceType)![field] !== r[field]).map((r) => r.instanceType)
    assert.equal(differ('uncappedMaxPods'), [], 'the IP limit of every type agrees')
    // The recorded moto file behind the embedded table lacks dl1.24xlarge; its cited vCPU count (EC2 User Guide) must
    // agree with what this moto describes.
    const vcpusDiffer = shared.filter((r) => embedded.get(r.instanceType)!.vcpus !== r.vcpus).map((r) => r.instanceType)
    assert.equal(vcpusDiffer, [])
    assert.is(embedded.get('dl1.24xlarge')?.vcpus, 96)
    assert.equal(differ('maxPods'), [])
    const unknown = live.results.filter((r) => !embedded.has(r.instanceType)).map((r) => r.instanceType)
    assert.equal(unknown, [], 'moto describes no type the embedded table lacks')
  })
}

test('named types through EC2 print the same numbers as embedded', async () => {
  const out = await runCommand(MaxPods, ['m5.large', 'c5.4xlarge', 't3.medium', '--source', 'ec2'])
  assert.is(out.stdout, 'm5.large\t29\nc5.4xlarge\t110\nt3.medium\t17\n')
  const requests = lab.ec2Requests().filter((r) => r.params['InstanceType.1'] === 'm5.large')
  assert.is(requests.length, 1)
})

test('a type EC2 does not know exits 2 with a suggestion', async () => {
  const out = await runCommand(MaxPods, ['m5.lrage', '--source', 'ec2'])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /did you mean m5\.large/)
})

test('a type the embedded table has but EC2 does not describe is named as such, not suggested back', async () => {
  const out = await runCommand(MaxPods, ['c7i.32xlarge', '--source', 'ec2', '--region', 'us-west-2'])
  assert.is(out.exitCode, 2)
  assert.is(out.stderr, 'error: EC2 in us-west-2 does not describe c7i.32xlarge; the embedded table has it: pass --source embedded\n')
})

test('EC2 refusing DescribeInstanceTypes exits 3 naming the permission', async () => {
  lab.ec2.addFault({action: 'DescribeInstanceTypes', kind: 'unauthorized', times: 1})
  const out = await runCommand(MaxPods, ['m5.large', '--source', 'ec2'])
  assert.is(out.exitCode, 3)
  assert.is(out.stdout, '')
  assert.match(out.stderr, /^error: ec2:DescribeInstanceTypes: permission denied \(UnauthorizedOperation\); grant ec2:DescribeInstanceTypes/)
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
})

test.run()
