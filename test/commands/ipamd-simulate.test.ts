import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import IpamdSimulate from '../../src/commands/ipamd/simulate.js'
import type {SimulateResult} from '../../src/core/ipamd/build-simulate-report.js'
import {runBinary} from '../helpers/run-binary.js'
import {assertGolden} from '../helpers/golden.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const test = suite('vpccni ipamd simulate')
const simulate = (argv: string[]) => runCommand<SimulateResult>(IpamdSimulate, argv)
const steady = async (argv: string[]) => {
  const out = await simulate([...argv, '--json'])
  assert.is(out.exitCode, 0, out.stderr)
  return (JSON.parse(out.stdout) as SimulateResult).steadyState
}

test('--json steadyState follows the contract (m5.large default, 20 pods → 3 ENIs, 27 IPs)', async () => {
  const out = await simulate(['--instance-type', 'm5.large', '--pods', '20', '--json'])
  const doc = JSON.parse(out.stdout) as SimulateResult
  assert.is(doc.schemaVersion, 1)
  assert.equal(
    {assignedIps: doc.steadyState.assignedIps, enis: doc.steadyState.enis, idleIps: doc.steadyState.idleIps, prefixes: doc.steadyState.prefixes, totalIps: doc.steadyState.totalIps},
    {assignedIps: 20, enis: 3, idleIps: 7, prefixes: 0, totalIps: 27},
  )
  assert.is(doc.settings.maxPods, 29, 'max pods defaults to the recommended value')
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)))
})

test('the spec examples through the command line', async () => {
  assert.is((await steady(['--instance-type', 'm5.large'])).totalIps, 9)
  assert.is((await steady(['--instance-type', 'm5.large', '--pods', '1'])).enis, 2)
  const warm = await steady(['--instance-type', 'm5.large', '--pods', '20', '--set', 'WARM_IP_TARGET=5', '--set', 'MINIMUM_IP_TARGET=10'])
  assert.is(warm.totalIps, 25)
  const pd = await steady(['--instance-type', 'm5.large', '--pods', '20', '--prefix'])
  assert.equal([pd.prefixes, pd.totalIps, pd.enis], [3, 48, 1])
  const sgp = await steady(['--instance-type', 'm5.large', '--pods', '10', '--security-groups-for-pods'])
  assert.equal([sgp.enis, sgp.totalIps], [2, 18], 'the trunk takes a slot and is not counted')
  const custom = await steady(['--instance-type', 'm5.large', '--custom-networking'])
  assert.equal([custom.enis, custom.totalIps], [2, 9])
})

test("PD with WARM_PREFIX_TARGET=2: the packed figure is called the lower bound, with what ipamd's random order holds", async () => {
  const argv = ['--instance-type', 'm5.large', '--pods', '29', '--prefix', '--set', 'WARM_PREFIX_TARGET=2']
  const out = await simulate(argv)
  assert.is(out.exitCode, 0, out.stderr)
  assert.match(out.stdout, "ipamd's random order holds 4–5 prefixes, 64–80 IPs over 20 seeded runs (typically 5, 80 IPs); packed pods are the lower bound")
  const doc = (await simulate([...argv, '--json'])).result!
  assert.equal(doc.ipamdOrder!.prefixes, {max: 5, median: 5, min: 4})
  assert.is((await simulate(['--instance-type', 'm5.large', '--pods', '29', '--json'])).result!.ipamdOrder, undefined)
})

test('plain output and --timeline (golden)', async () => {
  const out = await simulate(['--instance-type', 'm5.large', '--pods', '12', '--timeline'])
  assert.is(out.stderr, '')
  assertGolden(out.stdout, 'ipamd-simulate-timeline.txt')
})

test('--trace replays the CSV and reports EC2 calls and waiting pods (golden)', async () => {
  const trace = `${projectRoot}/test/fixtures/ipamd-trace.csv`
  const argv = ['--instance-type', 'm5.large', '--pods', '5', '--trace', trace, '--set', 'WARM_IP_TARGET=3', '--set', 'MINIMUM_IP_TARGET=8']
  const out = await simulate([...argv, '--timeline'])
  assertGolden(out.stdout.replace(trace, 'ipamd-trace.csv'), 'ipamd-simulate-trace.txt')
  const doc = (await simulate([...argv, '--json'])).result!
  assert.is(doc.trace!.pods.started, 22)
  assert.ok(doc.trace!.ec2CallsTotal > 0)
  assert.is(doc.steadyState.assignedIps, 5)
})

test('bad settings exit 2 with one line: unknown name (did you mean), negative, non-integer, not a boolean', async () => {
  const cases: Array<[string, RegExp]> = [
    ['WARM_IP_TARGT=3', /unknown aws-node variable "WARM_IP_TARGT".*did you mean WARM_IP_TARGET/],
    ['WARM_IP_TARGET=-1', /non-negative integer/],
    ['MINIMUM_IP_TARGET=2.5', /non-negative integer/],
    ['ENABLE_PREFIX_DELEGATION=yes', /true or false/],
    ['WARM_IP_TARGET', /KEY=VALUE/],
    ['WARM_ENI_TARGET=99999999999999999999', /WARM_ENI_TARGET must be an integer no larger than 9007199254740991/],
  ]
  for (const [set, message] of cases) {
    const out = await simulate(['--instance-type', 'm5.large', '--set', set])
    assert.is(out.exitCode, 2, set)
    assert.match(out.stderr, message)
    assert.is(out.stderr.trim().split('\n').length, 1, 'one line')
  }
})

test('aws-node would refuse PD with every warm target 0; unknown type and unreadable trace exit 2', async () => {
  const pd = await simulate(['--instance-type', 'm5.large', '--prefix', '--set', 'WARM_PREFIX_TARGET=0'])
  assert.is(pd.exitCode, 2)
  assert.match(pd.stderr, /cannot all be 0/)
  const type = await simulate(['--instance-type', 'm5.lrage'])
  assert.is(type.exitCode, 2)
  assert.match(type.stderr, /did you mean m5.large/)
  const missing = await simulate(['--instance-type', 'm5.large', '--trace', '/nonexistent/trace.csv'])
  assert.is(missing.exitCode, 2)
  assert.match(missing.stderr, /cannot read/)
})

test('variables outside the model are accepted with a warning; flapping and failing pods are warned about', async () => {
  const log = await simulate(['--instance-type', 'm5.large', '--set', 'AWS_VPC_K8S_CNI_LOGLEVEL=INFO'])
  assert.is(log.exitCode, 0)
  assert.match(log.stderr, /AWS_VPC_K8S_CNI_LOGLEVEL does not change the warm pool/)
  const flap = await simulate(['--instance-type', 'm5.large', '--custom-networking', '--set', 'WARM_ENI_TARGET=0'])
  assert.match(flap.stderr, /never settles/)
  const full = await simulate(['--instance-type', 'm5.large', '--pods', '28', '--json'])
  assert.is(full.result!.podsWithoutAddress, 1)
  assert.match(full.stderr, /1 pod\(s\) found no IP address/)
})

test('settings under which ipamd runs no warm pool exit 2 with one line: nothing to simulate (spec §7)', async () => {
  for (const set of ['DISABLE_NETWORK_RESOURCE_PROVISIONING=true', 'ENABLE_IPv6=true', 'ENABLE_IMDS_ONLY_MODE=1']) {
    const out = await simulate(['--instance-type', 'm5.large', '--pods', '10', '--set', set])
    assert.is(out.exitCode, 2, set)
    assert.match(out.stderr, new RegExp(`^error: ipamd runs no warm pool with ${set.split('=')[0]}=true: nothing to simulate`), out.stderr)
    assert.is(out.stderr.trim().split('\n').length, 1, 'one line')
  }

  const off = await simulate(['--instance-type', 'm5.large', '--set', 'ENABLE_IPv6=false', '--json'])
  assert.is(off.exitCode, 0, off.stderr)
})

test('a trace beyond max pods is warned about (issue 5 review, finding 4)', async () => {
  const trace = join(mkdtempSync(join(tmpdir(), 'vpccni-trace-')), 'over.csv')
  writeFileSync(trace, '0,+,40\n')
  const out = await simulate(['--instance-type', 'm5.large', '--pods', '5', '--trace', trace, '--json'])
  assert.is(out.exitCode, 0, out.stderr)
  assert.match(out.stderr, /the trace reaches 45 pods, more than max pods 29/)
  assert.ok(out.result!.warnings.some((w) => w.includes('45 pods')))
})

test('--pods beyond what the node holds, or --max-pods beyond any node, exits 2 at once with one line', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--pods', '99999999999'], /^error: --pods 99,999,999,999 is more than one m5\.large can hold \(29: max pods 29, its ENIs address 29\)/],
    [['--pods', '1000000', '--json'], /more than one m5\.large can hold/],
    [['--pods', '30'], /--pods 30 is more than one m5\.large can hold/],
    [['--pods', '10', '--max-pods', '1000000'], /^error: --max-pods 1,000,000 is more than any node can address \(24,194/],
  ]
  for (const [argv, message] of cases) {
    const started = Date.now()
    const out = await simulate(['--instance-type', 'm5.large', ...argv])
    assert.ok(Date.now() - started < 2000, argv.join(' '))
    assert.is(out.exitCode, 2, argv.join(' '))
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, message)
  }

  // Within the node: max pods raised by the user, the pods beyond the addresses are still simulated and warned about.
  const over = await simulate(['--instance-type', 'm5.large', '--pods', '40', '--max-pods', '40'])
  assert.is(over.exitCode, 0, over.stderr)
  assert.match(over.stderr, /13 pod\(s\) found no IP address/)
})

test('a trace that removes more pods than are running is bad input, naming when', async () => {
  const trace = join(mkdtempSync(join(tmpdir(), 'vpccni-trace-')), 'leave.csv')
  writeFileSync(trace, '0,+,2\n60,-,5\n')
  const out = await simulate(['--instance-type', 'm5.large', '--pods', '1', '--trace', trace])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /^error: .*leave\.csv: 5 pods leave at 60 s while 3 are running; raise --pods/)
  assert.is(out.stderr.trimEnd().split('\n').length, 1)
})

test('--trace - reads a piped trace, named "standard input"; nothing piped is said so (issue 12, item 17)', () => {
  const piped = runBinary(['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '-', '--json'], {input: '0,+,5\n60,-,2\n'})
  assert.is(piped.exitCode, 0, piped.stderr)
  assert.is((JSON.parse(piped.stdout) as {trace: {name: string}}).trace.name, 'standard input')
  const empty = runBinary(['ipamd', 'simulate', '--instance-type', 'm5.large', '--pods', '3', '--trace', '-'], {input: ''})
  assert.is(empty.exitCode, 2)
  assert.is(empty.stderr, 'error: standard input has no events; one "seconds,+|-,count" line per event\n')
})

test.run()
