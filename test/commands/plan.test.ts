import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Plan from '../../src/commands/plan.js'
import type {PlanResult} from '../../src/core/plan/build-plan.js'
import {assertGolden} from '../helpers/golden.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni plan: golden plans, eksctl ClusterConfigs, --json, exit codes')
// Relative to the project root, the tests' working directory: the golden plans name the file as given.
const fixture = (name: string) => `test/fixtures/plan/${name}`
const plan = (argv: string[]) => runCommand<PlanResult>(Plan, argv)

const goldens: Array<{argv: string[]; exit: number; name: string}> = [
  {argv: ['--node-group', 'm5.12xlarge:2:2:100', '--node-group', 'c5.2xlarge:1:1:30', '--subnet', 'us-west-2a=10.0.0.0/23'], exit: 0, name: 'plan-spreadsheet.txt'},
  {argv: ['--node-group', 'm5.large:6:30:20', '--zones', '3', '--prefix', '--churn', '30'], exit: 0, name: 'plan-prefix-zones.txt'},
  {
    argv: ['--node-group', 'm5.xlarge:4:8:30', '--custom-networking', '--subnet', 'us-east-1a=10.0.0.0/26', '--subnet', 'us-east-1b=10.0.0.64/26',
      '--pod-subnet', 'us-east-1a=100.64.0.0/19', '--pod-subnet', 'us-east-1b=100.64.32.0/19'],
    exit: 0,
    name: 'plan-custom-networking.txt',
  },
  {argv: ['-f', fixture('eksctl-private-subnets.yaml')], exit: 1, name: 'plan-eksctl-private-subnets.txt'},
  {argv: ['-f', fixture('eksctl-default-vpc.yaml')], exit: 0, name: 'plan-eksctl-default-vpc.txt'},
  {argv: ['-f', fixture('eksctl-small-subnets.yaml'), '--set', 'WARM_IP_TARGET=5', '--set', 'MINIMUM_IP_TARGET=100'], exit: 1, name: 'plan-eksctl-small-subnets.txt'},
]

for (const g of goldens) {
  test(`golden ${g.name}: exit ${g.exit}, every line within 80 columns`, async () => {
    const out = await plan(g.argv)
    assert.is(out.exitCode, g.exit, out.stderr)
    const wide = out.stdout.split('\n').filter((line) => line.length > 80)
    assert.equal(wide, [])
    assertGolden(out.stdout, g.name)
  })
}

test('--json: schemaVersion 1, every figure per subnet and in total, at desired and max size', async () => {
  const out = await plan(['--node-group', 'm5.large:2:6:10', '--subnet', 'a=10.0.0.0/26', '--subnet', 'b=10.0.0.64/26', '--json'])
  assert.is(out.exitCode, 1)
  const doc = JSON.parse(out.stdout) as PlanResult
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.fitsAtMax, false)
  assert.equal(doc.subnets.map((s) => [s.name, s.cidr, s.usable, s.desired.nodes, s.max.nodes]), [['a', '10.0.0.0/26', 59, 1, 3], ['b', '10.0.0.64/26', 59, 1, 3]])
  for (const key of ['nodePrimary', 'eniPrimaries', 'podAddresses', 'warmAddresses', 'churnAddresses', 'prefixes', 'total']) {
    assert.type(doc.total.max[key as keyof typeof doc.total.max], 'number', key)
  }

  assert.is(doc.total.max.total, doc.subnets.reduce((n, s) => n + s.max.total, 0))
  assert.equal(doc.alternatives.map((a) => a.option), ['as-given', 'warm-targets', 'prefix-delegation', 'custom-networking'])
  assert.ok(doc.pick.reason.length > 0)
})

test('--pods-per-node fills groups without a count; --headroom changes the size asked for', async () => {
  const out = await plan(['--node-group', 'm5.large:10', '--pods-per-node', '20', '--zones', '1', '--headroom', '0', '--json'])
  const doc = JSON.parse(out.stdout) as PlanResult
  assert.equal([doc.groups[0].podsPerNode, doc.groups[0].podsAssumed], [20, false])
  assert.is(doc.total.max.total, 300)
  assert.is(doc.subnets[0].smallestPrefixLength, 23)
  const roomy = JSON.parse((await plan(['--node-group', 'm5.large:10', '--pods-per-node', '20', '--zones', '1', '--headroom', '80', '--json'])).stdout) as PlanResult
  assert.is(roomy.subnets[0].smallestPrefixLength, 22)
})

test('a large cluster stays within 80 columns: counts from 100,000 show in thousands', async () => {
  const out = await plan(['--node-group', 'm5.4xlarge:500:4000', '--node-group', 'm5.large:300:1000:20', '--subnet', 'us-west-2a-a-long-zone-name=10.0.0.0/16',
    '--subnet', 'b=100.100.100.0/24'])
  assert.is(out.exitCode, 1)
  assert.equal(out.stdout.split('\n').filter((line) => line.length > 80), [])
  assert.match(out.stdout, / 255k /)
  assert.match(out.stdout, /\nk, M, G: thousands, millions, billions \(--json has every figure exact\)\n?$/)
})

test('custom networking without --pod-subnet: the headline says only the node subnets hold it', async () => {
  const out = await plan(['--node-group', 'm5.large:1', '--custom-networking', '--subnet', 'a=10.0.0.0/24'])
  assert.match(out.stdout.split('\n\n')[0].replace(/\n */g, ' '), /; the node subnets hold it at max size \(pod subnets not sized\)$/)
})

test('a cluster of billions of nodes stays within 80 columns too: three figures and a unit', async () => {
  const out = await plan(['--node-group', 'm5.large:9000000000:9000000000000', '--node-group', 'm5.24xlarge:1:100000000', '--zones', '2'])
  assert.equal(out.stdout.split('\n').filter((line) => line.length > 80), [])
  assert.match(out.stdout, / 9\.0G-9\.0T /)
})

const bad: Array<[string, string[], RegExp]> = [
  ['unknown type', ['--node-group', 'm5.larg:1'], /^error: unknown instance type "m5\.larg"; did you mean m5\.large/],
  ['CIDR that does not parse', ['--node-group', 'm5.large:1', '--subnet', 'a=10.0.0/23'], /^error: subnet a: "10\.0\.0\/23" is not an IPv4 CIDR/],
  ['zone without a pod subnet', ['--node-group', 'm5.large:1', '--custom-networking', '--subnet', 'a=10.0.0.0/24', '--subnet', 'b=10.0.1.0/24', '--pod-subnet', 'a=100.64.0.0/16'], /^error: custom networking: zone b has no pod subnet/],
  ['pod subnet in a zone without nodes', ['--node-group', 'm5.large:1', '--custom-networking', '--subnet', 'a=10.0.0.0/24', '--pod-subnet', 'c=100.64.0.0/16'], /^error: pod subnet pods-c: zone c has no node subnet/],
  ['YAML that is not a ClusterConfig', ['-f', fixture('not-cluster-config.yaml')], /^error: -f expects an eksctl ClusterConfig/],
  ['no source', ['--zones', '2'], /^error: give the node groups one way/],
  ['two sources', ['--node-group', 'm5.large:1', '-f', fixture('eksctl-default-vpc.yaml')], /^error: give the node groups one way/],
  ['more pods than max pods', ['--node-group', 'm5.large:1:1:28'], /^error: node group m5\.large: 28 pods per node and the 2 host-network pods are more than the max pods of m5\.large \(29\)/],
  ['bad churn', ['--node-group', 'm5.large:1', '--churn', 'lots'], /^error: --churn must be/],
  ['bad --set', ['--node-group', 'm5.large:1', '--set', 'WARM_IP_TARGET=x'], /^error: WARM_IP_TARGET must be a non-negative integer/],
  ['zones and subnets', ['--node-group', 'm5.large:1', '--zones', '2', '--subnet', 'a=10.0.0.0/24'], /^error: --zones and --subnet both/],
]

for (const [what, argv, message] of bad) {
  test(`bad input, exit 2 and one line: ${what}`, async () => {
    const out = await plan(argv)
    assert.is(out.exitCode, 2, out.stdout)
    assert.match(out.stderr, message)
    assert.is(out.stderr.trimEnd().split('\n').length, 1, out.stderr)
    assert.is(out.stdout, '')
  })
}

test.run()
