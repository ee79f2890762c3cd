import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Plan from '../../src/commands/plan.js'
import type {PlanResult} from '../../src/core/plan/build-plan.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni plan: input that AWS or the source would refuse')
const plan = (argv: string[]) => runCommand<PlanResult>(Plan, argv)
const pinned = 'test/fixtures/plan/eksctl-pinned-zone.yaml'

test('-f with --subnet keeps a group\'s zone pin: its zone without a subnet is exit 2, as without the override', async () => {
  const out = await plan(['-f', pinned, '--subnet', 'us-west-2b=10.0.1.0/24'])
  assert.is(out.exitCode, 2, out.stdout)
  assert.match(out.stderr, /^error: node group spot: zone us-west-2a has no subnet/)
})

test('-f with --subnet: the pinned group stays in its zone, the others spread; zones left out are said', async () => {
  const out = await plan(['-f', pinned, '--subnet', 'us-west-2a=10.0.0.0/22', '--subnet', 'us-west-2b=10.0.4.0/22', '--json'])
  const doc = JSON.parse(out.stdout) as PlanResult
  const placement = (name: string) => doc.groups.find((g) => g.name === name)!.placement.map((p) => p.subnet)
  assert.equal(placement('spot'), ['us-west-2a'])
  assert.equal(placement('general'), ['us-west-2a', 'us-west-2b'])
  assert.ok(doc.warnings.some((w) => /zone us-west-2c not planned/.test(w)), doc.warnings.join('\n'))
})

const refused: Array<[string, string[], RegExp]> = [
  ['two node subnets overlap', ['--subnet', 'a=10.0.0.0/24', '--subnet', 'b=10.0.0.0/24'], /^error: subnet a \(10\.0\.0\.0\/24\) and subnet b \(10\.0\.0\.0\/24\) overlap/],
  ['one inside the other', ['--subnet', 'a=10.0.0.0/22', '--subnet', 'b=10.0.1.0/24'], /overlap: a VPC refuses overlapping subnets$/m],
  ['a pod subnet over a node subnet', ['--custom-networking', '--subnet', 'a=10.0.0.0/24', '--pod-subnet', 'a=10.0.0.128/25'], /^error: subnet a \(10\.0\.0\.0\/24\) and pod subnet pods-a \(10\.0\.0\.128\/25\) overlap/],
  ['a /29', ['--subnet', 'a=10.0.0.0/29'], /^error: subnet a \(10\.0\.0\.0\/29\): AWS subnets are \/16 to \/28, got \/29/],
  ['a /15', ['--subnet', 'a=10.0.0.0/15'], /AWS subnets are \/16 to \/28, got \/15/],
]

for (const [what, argv, message] of refused) {
  test(`exit 2, one line: ${what}`, async () => {
    const out = await plan(['--node-group', 'm5.large:1', ...argv])
    assert.is(out.exitCode, 2, out.stdout)
    assert.match(out.stderr, message)
    assert.is(out.stderr.trimEnd().split('\n').length, 1, out.stderr)
  })
}

test('security groups for pods: --branch-pods-per-node adds one node-subnet address per branch pod; without it, a warning', async () => {
  const base = ['--node-group', 'm5.large:2:2:10', '--security-groups-for-pods', '--zones', '1', '--json']
  const without = await plan(base)
  const withBranches = await plan([...base, '--branch-pods-per-node', '5'])
  const [a, b] = [without, withBranches].map((out) => JSON.parse(out.stdout) as PlanResult)
  assert.ok(a.warnings.some((w) => /branch ENIs take one subnet address each and are not counted/.test(w)), a.warnings.join('\n'))
  assert.is(b.total.max.branchAddresses, 10)
  assert.is(b.total.max.total, a.total.max.total + 10)
  assert.not.ok(b.warnings.some((w) => /not counted/.test(w)))
  const refused = await plan(['--node-group', 'm5.large:1', '--branch-pods-per-node', '5'])
  assert.is(refused.exitCode, 2)
  assert.match(refused.stderr, /^error: --branch-pods-per-node counts pods on branch ENIs: it needs security groups for pods/)
})

test('more pods than the type addresses, within max pods: a problem (exit 1), not "the subnets hold it"', async () => {
  // m5.large addresses 27 pods on its 3 ENIs; --max-pods 40 lets kubelet schedule 38.
  const out = await plan(['--node-group', 'm5.large:1:1:35', '--max-pods', '40', '--subnet', 'a=10.0.0.0/24'])
  assert.is(out.exitCode, 1, out.stderr)
  assert.match(out.stdout, /^Plan from flags: 1 node \(max 1\) holds \d+ addresses \(max \d+\); pods find no\s+address at these settings\nProblem: m5\.large: 8 of 35 pods per node find no address/)
  const doc = JSON.parse((await plan(['--node-group', 'm5.large:1:1:35', '--max-pods', '40', '--subnet', 'a=10.0.0.0/24', '--json'])).stdout) as PlanResult
  assert.equal(doc.problems, ['m5.large: 8 of 35 pods per node find no address (m5.large, max pods 40)'])
})

test('MINIMUM_IP_TARGET without WARM_IP_TARGET: the warm-targets pitfall, as a warning', async () => {
  const doc = JSON.parse((await plan(['--node-group', 'm5.large:1:1:10', '--set', 'MINIMUM_IP_TARGET=20', '--zones', '1', '--json'])).stdout) as PlanResult
  assert.ok(doc.warnings.includes('MINIMUM_IP_TARGET without WARM_IP_TARGET: the pool stops at 20 IPs and further pods get no address'), doc.warnings.join('\n'))
})

test('-f: an eksctl maxSize below desiredCapacity is exit 2, as MAX below COUNT is; an empty file asks for a ClusterConfig', async () => {
  const below = await plan(['-f', 'test/fixtures/plan/eksctl-max-below-desired.yaml'])
  assert.is(below.exitCode, 2, below.stdout)
  assert.match(below.stderr, /^error: node group a: maxSize 1 is below desiredCapacity 2/)
  const empty = await plan(['-f', 'test/fixtures/plan/empty.yaml'])
  assert.is(empty.exitCode, 2)
  assert.match(empty.stderr, /is empty/)
  assert.match(empty.stderr, /eksctl create cluster --dry-run prints a ClusterConfig/)
  assert.not.match(empty.stderr, /aws-node/)
})

test('--churn help says its limit', async () => {
  assert.match(Plan.flags.churn.description ?? '', /0 to 3600/)
})

test.run()
