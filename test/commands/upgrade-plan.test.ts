import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import UpgradePlanCommand from '../../src/commands/upgrade-plan.js'
import type {UpgradePlan} from '../../src/core/compat/upgrade-plan-types.js'
import {assertGolden} from '../helpers/golden.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni upgrade-plan')

test('plain: a numbered plan with the control-plane upgrade in place (golden)', async () => {
  const argv = ['--from', 'v1.11.4', '--to', 'v1.14.1', '--kubernetes-version', '1.25', '--kubernetes-target', '1.26', '--cluster', 'prod']
  const out = await runCommand(UpgradePlanCommand, argv)
  assert.is(out.exitCode, 0)
  assert.is(out.stderr, '')
  assertGolden(out.stdout, 'upgrade-plan-plain.txt')
})

test('markdown: a runbook for a self-managed install in a China region (golden)', async () => {
  const argv = ['--from', 'v1.21.2', '--to', 'v1.23.0', '--install', 'self-managed', '--region', 'cn-north-1', '--format', 'markdown']
  const out = await runCommand(UpgradePlanCommand, argv)
  assert.is(out.exitCode, 0)
  assert.match(out.stdout, /aws-k8s-cni-cn\.yaml/)
  assertGolden(out.stdout, 'upgrade-plan-runbook.md')
})

test('--json per the contract: from, to, steps with from, to, notes, commands', async () => {
  const out = await runCommand<UpgradePlan>(UpgradePlanCommand, ['--from', 'v1.6.3', '--to', 'v1.21.1', '--json'])
  const doc = JSON.parse(out.stdout) as UpgradePlan
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.from, 'v1.6.3')
  assert.is(doc.to, 'v1.21.1')
  assert.equal(doc.steps[0].from, 'v1.6.3')
  assert.equal(doc.steps[0].to, 'v1.7.10')
  assert.ok(doc.steps.every((s) => Array.isArray(s.notes) && s.commands.length > 0))
  assert.is(doc.installKind, 'managed')
  assert.is(doc.installKindAssumed, true)
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)))
})

const bad: Array<[string, string[], RegExp]> = [
  ['target older than current', ['--from', 'v1.13.4', '--to', 'v1.12.0'], /^error: target v1\.12\.0 is older than the current v1\.13\.4: vpccni plans upgrades only; pass --to v1\.14\.0 or later\n$/],
  ['unknown release', ['--from', 'v1.11.1', '--to', 'v1.20.0'], /^error: current CNI v1\.11\.1 is not a known VPC CNI release; nearest known: v1\.11\.0, v1\.11\.2\n$/],
  ['target newer than the data', ['--from', 'v1.20.0', '--to', 'v1.24.0'], /^error: target CNI v1\.24\.0 is newer than the newest release vpccni knows \(v1\.23\.0\); nearest known: v1\.23\.0\n$/],
  ['malformed version', ['--from', 'v1.x', '--to', 'v1.20.0'], /^error: malformed CNI version "v1\.x"; write it as v1\.19\.2/],
  ['malformed Kubernetes version', ['--from', 'v1.20.0', '--kubernetes-version', 'one.thirty'], /^error: malformed Kubernetes version "one\.thirty"/],
  ['Kubernetes target not newer', ['--from', 'v1.20.0', '--kubernetes-version', '1.30', '--kubernetes-target', '1.29'], /^error: --kubernetes-target 1\.29 is not newer than --kubernetes-version 1\.30/],
  ['target below the minimum of the Kubernetes target', ['--from', 'v1.10.4', '--to', 'v1.11.5', '--kubernetes-target', '1.26'], /^error: the plan ends at v1\.11\.5, below v1\.12\.0, the oldest CNI recommended for Kubernetes 1\.26; pass --to v1\.12\.0 or later\n$/],
  ['no --from: the cluster is read, through the kubeconfig named', ['--to', 'v1.20.0', '--kubeconfig', '/nonexistent/kc'], /^error: kubeconfig \/nonexistent\/kc does not exist\n$/],
  ['no target: the cluster is read, through the kubeconfig named', ['--from', 'v1.20.0', '--kubeconfig', '/nonexistent/kc'], /^error: kubeconfig \/nonexistent\/kc does not exist\n$/],
  ['bad --format', ['--from', 'v1.20.0', '--to', 'v1.21.1', '--format', 'html'], /^error: Expected --format=html to be one of: plain, markdown/],
  // Typed versions are checked before the cluster is read: a typo is bad input, not a cluster error.
  ['malformed --from while the target comes from the cluster', ['--from', 'garbage', '--kubeconfig', '/nonexistent/kc'], /^error: malformed CNI version "garbage"/],
  ['an untagged --from while the target comes from the cluster', ['--from', 'v1.16.1', '--kubeconfig', '/nonexistent/kc'], /^error: current CNI v1\.16\.1 is not a known VPC CNI release/],
  ['malformed --to while --from comes from the cluster', ['--to', 'garbage', '--kubeconfig', '/nonexistent/kc'], /^error: malformed CNI version "garbage"/],
  ['a minor version is not a release', ['--from', '1.12', '--to', 'v1.20.0'], /^error: current CNI 1\.12 names a minor version, not a release; name one of v1\.12\.0, /],
]

test('a plan that ends on a release broken on the cluster\'s Kubernetes version exits 1, with the reason', async () => {
  const out = await runCommand<{targetCompatible: boolean}>(UpgradePlanCommand, ['--from', 'v1.15.5', '--to', 'v1.16.0', '--kubernetes-version', '1.23', '--json'])
  assert.is(out.exitCode, 1)
  assert.is(JSON.parse(out.stdout).targetCompatible, false)
  assert.match(out.stderr, /warning: the target v1\.16\.0 does not work on Kubernetes 1\.23/)
  const fine = await runCommand(UpgradePlanCommand, ['--from', 'v1.15.5', '--to', 'v1.16.2', '--kubernetes-version', '1.23'])
  assert.is(fine.exitCode, 0)
})

for (const [name, argv, stderr] of bad) {
  test(`bad input, exit 2 with one line: ${name}`, async () => {
    const out = await runCommand(UpgradePlanCommand, argv)
    assert.is(out.exitCode, 2)
    assert.is(out.stdout, '')
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, stderr)
  })
}

test('a Kubernetes version without a recommendation names what the tables really cover', async () => {
  const out = await runCommand(UpgradePlanCommand, ['--from', 'v1.5.0', '--kubernetes-version', '1.22'])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /^error: no EKS-recommended CNI is known for Kubernetes 1\.22: pass --to; vpccni's tables cover Kubernetes 1\.23–1\.36\n$/)
  assert.is((await runCommand(UpgradePlanCommand, ['--from', 'v1.5.0', '--kubernetes-version', '1.23'])).exitCode, 0)
})

test('a CNI that compat calls broken on the running Kubernetes version is urgent, not "start soon"', async () => {
  const out = await runCommand(UpgradePlanCommand, ['--from', 'v1.11.4', '--kubernetes-version', '1.26'])
  assert.match(out.stderr, /^warning: urgent: v1\.11\.4 does not work on Kubernetes 1\.26 now/)
  assert.not.match(out.stderr, /start soon/)
})

test.run()
