import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Compat from '../../src/commands/compat.js'
import type {CompatReport} from '../../src/core/compat/evaluate-compat.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni compat')

test('incompatible: exit 1, the verdict and each error with rule and source on stdout', async () => {
  const out = await runCommand(Compat, ['--cni-version', 'v1.11.4', '--kubernetes-version', '1.26'])
  assert.is(out.exitCode, 1)
  assert.match(out.stdout, /^incompatible: VPC CNI v1\.11\.4 on Kubernetes 1\.26\n/)
  assert.match(out.stdout, /error  k8s-1\.26-needs-1\.12: .*\n\s+source: awsdocs\/amazon-eks-user-guide/)
  assert.match(out.stderr, /^warning: eks-recommended: v1\.11\.4 is below v1\.19\.0-eksbuild\.1/)
})

test('compatible: exit 0, warnings only on stderr, one line each', async () => {
  const out = await runCommand(Compat, ['--cni-version', '1.16.3', '--kubernetes-version', 'v1.30.4-eks-a737599'])
  assert.is(out.exitCode, 0)
  assert.match(out.stdout, /^compatible: VPC CNI v1\.16\.3 on Kubernetes 1\.30\n/)
  const warnings = out.stderr.trimEnd().split('\n')
  assert.is(warnings.length, 2)
  assert.ok(warnings.every((w) => w.startsWith('warning: ') && w.includes('(source: ')))
})

test('--json: schemaVersion, compatible, reasons; the document is what run() returned', async () => {
  const out = await runCommand<CompatReport>(Compat, ['--cni-version', 'v1.16.0', '--kubernetes-version', '1.23', '--json'])
  assert.is(out.exitCode, 1)
  const doc = JSON.parse(out.stdout) as CompatReport
  assert.is(doc.schemaVersion, 1)
  assert.is(doc.compatible, false)
  assert.ok(doc.reasons.some((r) => r.rule === 'known-broken:v1.16-cni-spec-1.0' && r.severity === 'error'))
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)))
})

test('a missing flag means the cluster is read: the kubeconfig named is looked for (exit 2 when absent)', async () => {
  const out = await runCommand(Compat, ['--kubernetes-version', '1.30', '--kubeconfig', '/nonexistent/vpccni/kubeconfig'])
  assert.is(out.exitCode, 2)
  assert.is(out.stdout, '')
  assert.is(out.stderr, 'error: kubeconfig /nonexistent/vpccni/kubeconfig does not exist\n')
})

test('no cluster configured: exit 3, one line that also names the offline way', async () => {
  const saved = process.env.KUBECONFIG
  process.env.KUBECONFIG = '/nonexistent/vpccni/kubeconfig-from-env'
  try {
    const out = await runCommand(Compat, ['--kubernetes-version', '1.30'])
    assert.is(out.exitCode, 3)
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, /^error: kubernetes:kubeconfig: .*or, without a cluster: vpccni compat --cni-version vX\.Y\.Z --kubernetes-version 1\.NN\n$/)
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG
    else process.env.KUBECONFIG = saved
  }
})

test('a typed version is checked before the cluster is read; a minor alone is not a release', async () => {
  for (const [argv, message] of [
    [['--cni-version', 'garbage', '--kubeconfig', '/nonexistent/kc'], /^error: malformed CNI version "garbage"/],
    [['--kubernetes-version', 'abc', '--kubeconfig', '/nonexistent/kc'], /^error: malformed Kubernetes version "abc"/],
    [['--cni-version', '1.16', '--kubernetes-version', '1.23'], /^error: CNI 1\.16 names a minor version, not a release; name one of v1\.16\.0, /],
  ] as const) {
    const out = await runCommand(Compat, [...argv])
    assert.is(out.exitCode, 2, out.stderr)
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, message)
  }
})

test('an unknown release exits 2 with one line naming its neighbours', async () => {
  const out = await runCommand(Compat, ['--cni-version', 'v1.19.1', '--kubernetes-version', '1.30'])
  assert.is(out.exitCode, 2)
  assert.is(out.stderr, 'error: CNI v1.19.1 is not a known VPC CNI release; nearest known: v1.19.0, v1.19.2\n')
})

test('a Kubernetes version outside the data is unknown: exit 1, verdict unknown, no borrowed recommendation', async () => {
  for (const k8s of ['1.2', '1.22', '1.99']) {
    const out = await runCommand(Compat, ['--cni-version', 'v1.20.0', '--kubernetes-version', k8s, '--json'])
    assert.is(out.exitCode, 1, k8s)
    const doc = JSON.parse(out.stdout) as CompatReport
    assert.is(doc.verdict, 'unknown')
    assert.is(doc.compatible, false)
    assert.not.match(out.stderr, /Kubernetes 1\.36/)
  }

  const plain = await runCommand(Compat, ['--cni-version', 'v1.20.0', '--kubernetes-version', '1.5'])
  assert.match(plain.stdout, /^unknown: VPC CNI v1\.20\.0 on Kubernetes 1\.5\n/)
  assert.match(plain.stderr, /outside what vpccni's data covers \(Kubernetes 1\.23–1\.36\)/)
})

test('a CNI version beyond 2^53 or of another major is bad input, one line', async () => {
  for (const [cni, pattern] of [['v1.99999999999999999999.0', /too large to be a version/], ['v2.1.0', /not a v1 release/]] as const) {
    const out = await runCommand(Compat, ['--cni-version', cni, '--kubernetes-version', '1.30'])
    assert.is(out.exitCode, 2)
    assert.is(out.stdout, '')
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, pattern)
  }
})

test('one release horizon: a patch beyond the newest known release reads the same in compat and upgrade-plan', async () => {
  const compat = await runCommand(Compat, ['--cni-version', 'v1.23.1', '--kubernetes-version', '1.33'])
  const horizon = 'v1.23.1 is newer than the newest release vpccni knows (v1.23.0), a patch release of its v1.23 line'
  assert.ok(compat.stderr.includes(horizon), compat.stderr)
  const {default: UpgradePlan} = await import('../../src/commands/upgrade-plan.js')
  const plan = await runCommand(UpgradePlan, ['--from', 'v1.23.1', '--kubernetes-version', '1.33'])
  assert.ok(plan.stderr.includes(horizon), plan.stderr)
  const target = await runCommand(UpgradePlan, ['--from', 'v1.22.0', '--to', 'v1.23.1'])
  assert.is(target.exitCode, 2)
  assert.ok(target.stderr.includes(horizon), target.stderr)
})

test.run()
