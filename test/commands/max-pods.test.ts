import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import MaxPods from '../../src/commands/max-pods.js'
import type {MaxPodsReport} from '../../src/core/max-pods/max-pods-report.js'
import {assertGolden} from '../helpers/golden.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni max-pods')

test('one type prints the number alone', async () => {
  const out = await runCommand(MaxPods, ['m5.large'])
  assert.is(out.stdout, '29\n')
  assert.is(out.stderr, '')
  assert.is(out.exitCode, 0)
})

test('--prefix prints the capped value; --no-cap the IP limit', async () => {
  assert.is((await runCommand(MaxPods, ['m5.large', '--prefix'])).stdout, '110\n')
  assert.is((await runCommand(MaxPods, ['m5.large', '--prefix', '--no-cap'])).stdout, '434\n')
})

test('several types print TYPE<TAB>N lines (not a terminal)', async () => {
  const out = await runCommand(MaxPods, ['m5.large', 'c5.4xlarge', 't3.micro', '--prefix'])
  assert.is(out.stdout, 'm5.large\t110\nc5.4xlarge\t110\nt3.micro\t34\n')
})

test('--json follows the contract: schemaVersion, results with maxPods and uncappedMaxPods, inputs', async () => {
  const out = await runCommand<MaxPodsReport>(MaxPods, ['m5.large', '--prefix', '--json'])
  const doc = JSON.parse(out.stdout) as MaxPodsReport
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.results[0].instanceType, 'm5.large')
  assert.is(doc.results[0].maxPods, 110)
  assert.is(doc.results[0].uncappedMaxPods, 434)
  assert.is(doc.results[0].cap, 110)
  assert.equal(doc.inputs, {
    cap: true,
    cniVersion: 'v1.23.0',
    customNetworking: false,
    maxEni: null,
    prefix: true,
    securityGroupsForPods: false,
  })
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)), 'the JSON is what run() returned')
})

test('a type without vCPUs has the smaller cap in JSON, marked not derived, and the warning', async () => {
  const doc = JSON.parse((await runCommand(MaxPods, ['c7i.32xlarge', '--json'])).stdout) as MaxPodsReport
  assert.is(doc.results[0].cap, 110)
  assert.is(doc.results[0].capDerived, false)
  assert.is(doc.results[0].maxPods, 110)
  assert.is(doc.results[0].uncappedMaxPods, 737)
  assert.ok(doc.warnings.some((w) => w.includes('cap cannot be derived')))
})

test('--all covers every known type', async () => {
  const out = await runCommand(MaxPods, ['--all'])
  const lines = out.stdout.trimEnd().split('\n')
  assert.is(lines.length, 1391)
  assert.ok(lines.includes('m5.large\t29'))
})

test('prefix fallback on Xen: one warning line on stderr, exit 0', async () => {
  const out = await runCommand(MaxPods, ['m4.large', '--prefix'])
  assert.is(out.stdout, '20\n')
  assert.is(out.exitCode, 0)
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
  assert.match(out.stderr, /^warning: m4\.large is not a Nitro instance/)
})

test('--all --prefix summarises the fallback in one line', async () => {
  const out = await runCommand(MaxPods, ['--all', '--prefix'])
  assert.equal(out.stderr.trimEnd().split('\n'), [
    "warning: 4 types have no vCPU count in vpccni's data, so the 110/250 cap cannot be derived: the smaller cap, 110, is applied (bmn-sf1.metal, c5a.metal, c5ad.metal, …)",
    'warning: 82 types are not Nitro instances: no prefix delegation, secondary IPs used (c1.medium, c1.xlarge, c3.2xlarge, …)',
  ])
})

test('an unknown type exits 2 with one line naming the nearest known type', async () => {
  const out = await runCommand(MaxPods, ['m5.lrage'])
  assert.is(out.exitCode, 2)
  assert.is(out.stdout, '')
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
  assert.match(out.stderr, /unknown instance type "m5\.lrage".*did you mean m5\.large/)
})

test('invalid flag values exit 2 with one line', async () => {
  for (const argv of [
    ['m5.large', '--max-eni', 'abc'],
    ['m5.large', '--max-eni', '0'],
    ['m5.large', '--cni-version', 'banana'],
    ['m5.large', '--source', 'nowhere'],
    ['m5.large', '--no-such-flag'],
    [],
    ['m5.large', '--all'],
  ]) {
    const out = await runCommand(MaxPods, argv)
    assert.is(out.exitCode, 2, argv.join(' '))
    assert.is(out.stderr.trimEnd().split('\n').length, 1, `${argv.join(' ')}: ${out.stderr}`)
    assert.match(out.stderr, /^error: /)
  }
})

test('--json errors are a JSON document too', async () => {
  const out = await runCommand(MaxPods, ['m5.lrage', '--json'])
  const doc = JSON.parse(out.stdout) as {error: {exitCode: number; message: string}; schemaVersion: number}
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.error.exitCode, 2)
})

test('--explain: golden text', async () => {
  const out = await runCommand(MaxPods, ['m5.large', 'p5.48xlarge', 'm4.large', 'p3.16xlarge', 'c7i.32xlarge', '--prefix', '--security-groups-for-pods', '--explain'])
  assertGolden(out.stdout, 'max-pods-explain.txt')
})

test('--explain with custom networking and MAX_ENI: golden text', async () => {
  const out = await runCommand(MaxPods, ['c5.4xlarge', '--custom-networking', '--max-eni', '4', '--explain', '--no-cap'])
  assertGolden(out.stdout, 'max-pods-explain-custom.txt')
})

test('a type without a vCPU count prints the smaller cap, warns on stderr, and --explain does not claim EC2 dropped it', async () => {
  const out = await runCommand(MaxPods, ['c7i.32xlarge'])
  assert.is(out.stdout, '110\n')
  assert.match(out.stderr, /^warning: .*c7i\.32xlarge.*cap cannot be derived.*110/)
  assert.is(out.stderr.trim().split('\n').length, 1)
  assert.is(out.exitCode, 0)
  assert.is((await runCommand(MaxPods, ['c5a.metal', '--prefix'])).stdout, '110\n')
  const explain = await runCommand(MaxPods, ['c7i.32xlarge', '--explain'])
  assert.not.match(explain.stdout, /does not describe/)
  assert.match(explain.stdout, /cap {10}110, .*cannot be derived/)
})

test('no ENI left to carry pods warns and exits 1', async () => {
  const out = await runCommand(MaxPods, ['m5.large', '--max-eni', '2', '--custom-networking', '--security-groups-for-pods'])
  assert.is(out.stdout, '2\n')
  assert.match(out.stderr, /^warning: m5\.large: no ENI carries pods/)
  assert.is(out.exitCode, 1)
})

test('a 20,000-character instance type: exit 2 at once, one line, the value shortened', async () => {
  const started = Date.now()
  const out = await runCommand(MaxPods, [`m5.${'x'.repeat(20_000)}`])
  assert.ok(Date.now() - started < 2000)
  assert.is(out.exitCode, 2)
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
  assert.ok(out.stderr.length < 120, out.stderr)
  assert.match(out.stderr, /^error: unknown instance type "m5\.x+…" \(20003 characters\)\n$/)
})

test.run()
