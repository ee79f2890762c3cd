import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parse} from 'yaml'

import Diff from '../../src/commands/diff.js'
import type {DiffReport} from '../../src/core/diff/diff-report.js'
import {buildDiffFixtures, toKubectlYaml} from '../fixtures/diff/build-fixtures.js'
import {assertGolden} from '../helpers/golden.js'
import {runBinary} from '../helpers/run-binary.js'
import {projectRoot, runCommand} from '../helpers/run-command.js'

const fixture = (name: string) => join(projectRoot, 'test/fixtures/diff', `${name}.yaml`)
const scratch = mkdtempSync(join(tmpdir(), 'vpccni-diff-'))
function scratchFile(name: string, text: string): string {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

const vpccni = (args: string[], input: string) => runBinary(args, {input})

const test = suite('vpccni diff')

test('the fixtures are current: rebuilt from ../shared/data/aws-k8s-cni.yaml they are byte-identical', () => {
  for (const [name, object] of Object.entries(buildDiffFixtures(join(projectRoot, '../shared/data')))) {
    assert.fixture(readFileSync(fixture(name), 'utf8'), toKubectlYaml(object), `${name}.yaml is stale: node --import tsx scripts/make-diff-fixtures.ts`)
  }
})

const goldens: Array<[string, number]> = [
  ['clean-managed', 0], ['contested', 1], ['eks-configured', 0], ['env-typo', 1], ['image-edited', 1], ['restored', 1], ['self-managed', 0],
  ['stripped-managed-fields', 1], ['warm-ip-added', 0],
]
for (const [name, exitCode] of goldens) {
  test(`${name}: table and exit ${exitCode}`, async () => {
    const out = await runCommand(Diff, ['-f', fixture(name)])
    assert.is(out.exitCode, exitCode)
    assertGolden(out.stdout, `diff-${name}.txt`)
  })
}

test('--json follows the contract: schemaVersion, changes[] with path, owner, effect; it is what run() returned', async () => {
  const out = await runCommand<DiffReport>(Diff, ['-f', fixture('image-edited'), '--json'])
  const doc = JSON.parse(out.stdout) as DiffReport
  assert.is(doc.schemaVersion, 1)
  assert.equal(doc.changes.map((c) => [c.path, c.owner, c.effect, c.managers, c.conflict]), [[
    '.spec.template.spec.containers[name="aws-node"].image', 'user', 'contested', ['kubectl-set'],
    'DaemonSet.apps aws-node - .spec.template.spec.containers[name="aws-node"].image',
  ]])
  assert.equal(doc, JSON.parse(JSON.stringify(out.result)))
  assert.is(out.exitCode, 1)
  // The edited image names another release: a version source a user changed, which the one warning says.
  assert.is(out.stderr, 'warning: aws-node image tag v1.22.4: set by kubectl-set, not by EKS: a user\'s change (contested below); EKS applied v1.23.0 (label app.kubernetes.io/version, owned by eks)\n')
})

test('JSON input and a List with the ConfigMap work like YAML', async () => {
  const json = scratchFile('aws-node.json', JSON.stringify(parse(readFileSync(fixture('warm-ip-added'), 'utf8')), null, 2))
  const fromJson = await runCommand<DiffReport>(Diff, ['-f', json, '--json'])
  assert.equal(fromJson.result?.changes.map((c) => c.effect), ['preserved'])
  const list = await runCommand<DiffReport>(Diff, ['-f', fixture('list-with-configmap'), '--json'])
  assert.equal(list.result?.lint.map((f) => f.id), ['network-policy-mismatch'])
})

test('--configmap FILE: the upstream manifest carries the ConfigMap too', async () => {
  const out = await runCommand<DiffReport>(Diff, ['-f', fixture('clean-managed'), '--configmap', join(projectRoot, '../shared/data/aws-k8s-cni.yaml'), '--json'])
  assert.equal(out.result?.lint, [], 'controller and agent both off')
  const bad = await runCommand(Diff, ['-f', fixture('clean-managed'), '--configmap', fixture('clean-managed')])
  assert.is(bad.exitCode, 2)
  assert.match(bad.stderr, /holds no ConfigMap/)
})

test('--self-managed: without managedFields nothing is contested, exit 0', async () => {
  const out = await runCommand<DiffReport>(Diff, ['-f', fixture('stripped-managed-fields'), '--self-managed', '--json'])
  assert.is(out.exitCode, 0)
  assert.equal(out.result?.addon, {basis: '--self-managed', status: 'self-managed'})
  assert.equal(out.result?.summary, {configured: 0, contested: 0, informational: 3, preserved: 0, restored: 0, undetermined: 0})
})

test('a setting ipamd refuses is an error and exit 1, with no change contested (IPv4 with IPv6; WARM_PREFIX_TARGET=banana)', async () => {
  const clean = parse(readFileSync(fixture('warm-ip-added'), 'utf8'))
  for (const env of [{ENABLE_IPv4: 'true', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true'}, {WARM_PREFIX_TARGET: 'banana'}]) {
    const ds = structuredClone(clean)
    for (const [name, value] of Object.entries(env)) ds.spec.template.spec.containers[0].env.find((e: {name: string}) => e.name === name).value = value
    delete ds.metadata.managedFields
    const out = await runCommand<DiffReport>(Diff, ['-f', scratchFile('refused.yaml', toKubectlYaml(ds)), '--self-managed'])
    assert.is(out.exitCode, 1, JSON.stringify(env))
    assert.match(out.stdout, /error {4}.*(ipamd refuses to start|expects an integer)/)
  }
})

test('standard input with -f -, through the shipped launcher', () => {
  const out = vpccni(['diff', '-f', '-'], readFileSync(fixture('image-edited'), 'utf8'))
  assert.is(out.exitCode, 1)
  assert.match(out.stdout, /contested\s+containers\[name="aws-node"\]\.image/)
  const empty = vpccni(['diff', '-f', '-'], '')
  assert.equal([empty.exitCode, empty.stderr.trimEnd().split('\n').length], [2, 1])
  assert.match(empty.stderr, /^error: standard input is empty/)
})

const badInputs: Array<[string, () => string[], RegExp]> = [
  ['no -f: the cluster is read, through the kubeconfig named', () => ['--kubeconfig', '/nonexistent/kc'], /^error: kubeconfig \/nonexistent\/kc does not exist\n$/],
  ['a missing file', () => ['-f', join(scratch, 'nope.yaml')], /^error: cannot read .*nope\.yaml: no such file/],
  ['an empty file', () => ['-f', scratchFile('empty.yaml', '\n')], /is empty/],
  ['malformed YAML', () => ['-f', scratchFile('bad.yaml', 'kind: DaemonSet\n  metadata: [\n')], /is not valid YAML or JSON/],
  ['not a DaemonSet', () => ['-f', scratchFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: amazon-vpc-cni\n')], /holds ConfigMap amazon-vpc-cni, not the aws-node DaemonSet/],
  ['another DaemonSet', () => ['-f', scratchFile('kp.yaml', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-proxy\nspec: {}\n')], /holds DaemonSet kube-proxy, not the aws-node DaemonSet/],
]
for (const [name, argv, message] of badInputs) {
  test(`bad input, ${name}: one line on stderr, exit 2`, async () => {
    const out = await runCommand(Diff, argv())
    assert.is(out.exitCode, 2)
    assert.is(out.stdout, '')
    assert.is(out.stderr.trimEnd().split('\n').length, 1)
    assert.match(out.stderr, message)
  })
}

test.run()
