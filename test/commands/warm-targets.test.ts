import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import WarmTargets from '../../src/commands/warm-targets.js'
import type {WarmTargetsResult} from '../../src/core/warm-targets/recommend-warm-targets.js'
import {assertGolden} from '../helpers/golden.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const test = suite('vpccni warm-targets')
const run = (argv: string[]) => runCommand<WarmTargetsResult>(WarmTargets, argv)

test('plain output: recommendation, trade-off table, pitfalls, ready to apply (golden)', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '15', '--peak', '20', '--burst', '5', '--churn', '1', '--nodes', '50', '--subnet-free', '4000'])
  assert.is(out.exitCode, 0, out.stderr)
  assertGolden(out.stdout, 'warm-targets.txt')
})

test('prefix delegation: WARM_PREFIX_TARGET is the default compared, the /28 pitfalls are named (golden)', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '30', '--peak', '50', '--burst', '10', '--churn', '2', '--prefix', '--nodes', '100'])
  assert.is(out.exitCode, 0, out.stderr)
  assertGolden(out.stdout, 'warm-targets-prefix.txt')
})

test('--json per the contract: recommendation.env holds strings, alternatives listed', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '15', '--burst', '5', '--json'])
  const doc = JSON.parse(out.stdout) as WarmTargetsResult
  assert.is(doc.schemaVersion, 1)
  assert.ok(Object.keys(doc.recommendation.env).length > 0)
  for (const value of Object.values(doc.recommendation.env)) assert.type(value, 'string')
  assert.ok(Array.isArray(doc.alternatives) && doc.alternatives.length >= 2)
  assert.ok(doc.alternatives.some((a) => a.isDefault))
  assert.is(doc.recommendation.apply.configurationValues, JSON.stringify({env: doc.recommendation.env}))
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)))
})

test('--trace replaces the synthetic workload', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '5', '--trace', `${projectRoot}/test/fixtures/ipamd-trace.csv`, '--json'])
  assert.is(out.exitCode, 0, out.stderr)
  assert.match(out.result!.workload.description, /trace .*ipamd-trace.csv/)
})

test('a trace that takes a node past its max pods exits 2, as the workload flags do (issue 5 review, finding 4)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-trace-'))
  const over = join(dir, 'over.csv')
  writeFileSync(over, '# a rollout\n0,+,40\n600,-,40\n')
  const out = await run(['--instance-type', 'm5.large', '--pods', '15', '--trace', over])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /^error: 55 pods on one node is more than its max pods \(29\)/)
  assert.is(out.stderr.trim().split('\n').length, 1)
  const fits = join(dir, 'fits.csv')
  writeFileSync(fits, '0,+,14\n10,-,20\n20,+,14\n')
  const ok = await run(['--instance-type', 'm5.large', '--pods', '15', '--burst', '0', '--trace', fits, '--json'])
  assert.is(ok.exitCode, 0, ok.stderr)
})

test('a mode the type lacks is a warning on stderr, and the run goes on', async () => {
  const out = await run(['--instance-type', 't2.medium', '--pods', '5', '--prefix', '--json'])
  assert.is(out.exitCode, 0)
  assert.match(out.stderr, /t2.medium is not Nitro or bare metal: ipamd falls back to secondary IPs/)
  assert.is(out.result!.inputs.mode, 'secondary-ip')
})

test('bad input exits 2 with one line', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--instance-type', 'm5.large', '--pods', '25', '--burst', '10'], /more than its max pods \(29\)/],
    [['--instance-type', 'm5.large', '--pods', '10', '--peak', '5'], /below --pods/],
    [['--instance-type', 'm5.large', '--pods', '10', '--churn', 'lots'], /--churn must be/],
    [['--instance-type', 'm5.large', '--pods', '10', '--churn', '1e6'], /^error: --churn 1000000 pod starts per minute is more than one node runs: at most 29 \(every pod of a node with max pods 29 replaced each minute\)/],
    [['--instance-type', 'm5.large', '--pods', '10', '--max-pods', '5000', '--churn', '601'], /at most 600 \(ten a second/],
    [['--instance-type', 'm5.large', '--pods', '10', '--nodes', '99999999999'], /^error: --nodes 99,999,999,999 is more than an EKS cluster holds \(100,000 nodes\)/],
    [['--instance-type', 'm5.large', '--pods', '10', '--max-pods', '99999999999'], /^error: --max-pods 99,999,999,999 is more than any node can address/],
    [['--instance-type', 'm5.large', '--pods', '99999999999'], /more than its max pods \(29\)/],
    [['--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGE=1'], /did you mean WARM_IP_TARGET/],
    [['--instance-type', 'm5.large', '--pods', '10', '--set', 'ENABLE_IPv6=true'], /no warm pool with ENABLE_IPv6=true: nothing to simulate/],
    [['--instance-type', 'm5.large', '--pods', '10', '--set', 'DISABLE_NETWORK_RESOURCE_PROVISIONING=true'], /no warm pool/],
  ]
  for (const [argv, message] of cases) {
    const started = Date.now()
    const out = await run(argv)
    assert.ok(Date.now() - started < 2000, argv.join(' '))
    assert.is(out.exitCode, 2, argv.join(' '))
    assert.is(out.stderr.trimEnd().split('\n').length, 1, argv.join(' '))
    assert.match(out.stderr, message)
  }
})

test('each row is labelled by the constraint it fails; "fewest" is among the settings that meet them (issue 12 item 12)', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '10', '--nodes', '2000'])
  assert.is(out.exitCode, 0, out.stderr)
  const row = out.stdout.split('\n').find((line) => line.startsWith('WARM_IP_TARGET=16 MINIMUM_IP_TARGET=10'))
  assert.ok(row, out.stdout)
  assert.match(row!, /\(EC2 over 1,800\/h cluster\)/)
  assert.not.match(out.stdout, /\(pods wait\)/)
  assert.match(out.stdout, /fewest idle IPs \(16\.8 per node on average\) of the settings that keep every pod from waiting/)
  const doc = await run(['--instance-type', 'm5.large', '--pods', '10', '--nodes', '2000', '--json'])
  assert.equal(doc.result!.alternatives.find((a) => a.env.WARM_IP_TARGET === '16')!.fails, ['ec2-cluster-budget'])
  const waits = await run(['--instance-type', 'm5.large', '--pods', '10', '--json'])
  assert.equal(waits.result!.alternatives.find((a) => a.env.WARM_IP_TARGET === '2')!.fails, ['pods-wait'])
})

test('a subnet that holds not one node: the problem first, its source named, exit 1 (issue 12 item 13)', async () => {
  for (const free of ['0', '1']) {
    const out = await run(['--instance-type', 'm5.large', '--pods', '10', '--subnet-free', free])
    assert.is(out.exitCode, 1, free)
    assert.match(out.stdout, new RegExp(`\\nProblem: not one node fits in the subnet: ${free} free address(es)?, from --subnet-free, while a node takes 18 at its peak`))
    assert.not.match(out.stdout, /DescribeSubnets/)
  }

  const roomy = await run(['--instance-type', 'm5.large', '--pods', '10', '--subnet-free', '100', '--json'])
  assert.is(roomy.exitCode, 0)
  assert.is(roomy.result!.problem, null)
})

test('the workload line says only what happens: no "burst of 0", no ramp to the pods already running (issue 12 item 22)', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '15', '--burst', '0'])
  assert.match(out.stdout, /\nworkload: 2 h from 15 running pods: no burst, no ramp \(the peak is the steady pods\), no churn; /)
  assert.not.match(out.stdout, /burst of 0|ramp to 15/)
  const busy = await run(['--instance-type', 'm5.large', '--pods', '15', '--peak', '20', '--burst', '5', '--churn', '1'])
  assert.match(busy.stdout, /a burst of 5 at 10 min \(gone 10 min later\), a ramp to 20 from 1 h, 1 pod start per minute;/)
})

test('warm settings given with --set are simulated as given, shown as the current row, and the override is said (issue 12 item 17)', async () => {
  const out = await run(['--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGET=0', '--set', 'WARM_ENI_TARGET=0'])
  assert.is(out.exitCode, 0, out.stderr)
  assert.match(out.stderr, /^warning: --set WARM_ENI_TARGET=0 WARM_IP_TARGET=0 is what warm-targets tunes: it is simulated as given and shown as the current row/)
  assert.match(out.stdout, /\nWARM_IP_TARGET=0 WARM_ENI_TARGET=0 \(current\) /)
  const doc = await run(['--instance-type', 'm5.large', '--pods', '10', '--set', 'WARM_IP_TARGET=3', '--set', 'MINIMUM_IP_TARGET=10', '--json'])
  const rows = [doc.result!.recommendation, ...doc.result!.alternatives]
  // The same setting as a candidate is that candidate, marked, not a second row.
  assert.equal(rows.filter((r) => r.isCurrent).map((r) => r.env), [{WARM_IP_TARGET: '3', MINIMUM_IP_TARGET: '10'}])
  assert.is(doc.result!.recommendation.isCurrent, true)
  const plain = await run(['--instance-type', 'm5.large', '--pods', '10', '--json'])
  assert.ok([plain.result!.recommendation, ...plain.result!.alternatives].every((r) => !r.isCurrent))
  assert.equal(plain.result!.warnings, [])
})

test.run()
