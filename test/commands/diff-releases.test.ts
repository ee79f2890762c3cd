import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Diff from '../../src/commands/diff.js'
import type {DiffReport} from '../../src/core/diff/diff-report.js'
import {toKubectlYaml} from '../fixtures/diff/build-fixtures.js'
import {EXPECTED, verdict} from '../fixtures/diff/expected-verdicts.js'
import {edited, installed} from '../fixtures/diff/release-fixtures.js'
import {runBinary} from '../helpers/run-binary.js'
import {runCommand} from '../helpers/run-command.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {runKubectl} from '../lab/kubectl.js'

const test = suite('diff on tag DaemonSets, live from the cluster lab and from a file')
let lab: ClusterLab
const scratch = mkdtempSync(join(tmpdir(), 'vpccni-diff-releases-'))

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

const isProblem = (verdicts: string[]) => verdicts.some((v) => /^(contested|restored) /.test(v))

/** `vpccni diff --json` live, with the lab serving `daemonSet` as the aws-node DaemonSet. */
async function live(daemonSet: object): Promise<{exitCode: number; verdicts: string[]}> {
  lab.kube.state.objects.set('daemonsets', [daemonSet as Record<string, unknown>])
  lab.kube.state.resourceVersion = String(Number(lab.kube.state.resourceVersion) + 1)
  const out = await runCommand<DiffReport>(Diff, [...lab.flags, '--json'])
  return {exitCode: out.exitCode, verdicts: (JSON.parse(out.stdout) as DiffReport).changes.map((c) => verdict(c))}
}

/** `vpccni diff -f FILE --json`, the file as `kubectl get -o yaml` writes it. */
async function fromFile(daemonSet: object, name: string): Promise<{exitCode: number; verdicts: string[]}> {
  const file = join(scratch, `${name}.yaml`)
  writeFileSync(file, toKubectlYaml(daemonSet as Record<string, unknown>))
  const out = await runCommand<DiffReport>(Diff, ['-f', file, '--json'])
  return {exitCode: out.exitCode, verdicts: (JSON.parse(out.stdout) as DiffReport).changes.map((c) => verdict(c))}
}

for (const version of ['v1.15.5', 'v1.19.2', 'v1.23.0']) {
  test(`${version}: a clean install is no change, exit 0, live and from a file`, async () => {
    assert.equal(await live(installed(version)), {exitCode: 0, verdicts: []})
    assert.equal(await fromFile(installed(version), `${version}-clean`), {exitCode: 0, verdicts: []})
  })

  test(`${version}: every edit, live and from a file, with and without managedFields; exit 1 exactly when contested or restored`, async () => {
    for (const [edit, expected] of Object.entries(EXPECTED)) {
      const want = {exitCode: isProblem(expected.owned) ? 1 : 0, verdicts: expected.owned}
      assert.equal(await live(edited(version, edit)), want, `${version} ${edit} live`)
      assert.equal(await fromFile(edited(version, edit), `${version}-${edit}`), want, `${version} ${edit} from a file`)
      const stripped = await fromFile(edited(version, edit, {managedFields: false}), `${version}-${edit}-stripped`)
      assert.equal(stripped, {exitCode: isProblem(expected.inferred) ? 1 : 0, verdicts: expected.inferred}, `${version} ${edit} without managedFields`)
    }
  })
}

test('v1.19.2: kubectl get --show-managed-fields | vpccni diff -f - says what the live diff says', async () => {
  for (const edit of ['liveness-probe', 'tolerations', 'volume-mount-removed', 'env-tuning']) {
    const {verdicts} = await live(edited('v1.19.2', edit))
    const yaml = await runKubectl(lab.kube.kubeconfig, ['get', 'ds', 'aws-node', '-n', 'kube-system', '-o', 'yaml', '--show-managed-fields'], lab.kube.dir)
    const piped = runBinary(['diff', '-f', '-', '--json'], {input: yaml})
    assert.equal((JSON.parse(piped.stdout) as DiffReport).changes.map((c) => verdict(c)), verdicts, edit)
    assert.equal(verdicts, EXPECTED[edit].owned, edit)
  }
})

test('only reads: no write reached the lab', () => {
  assert.equal(lab.kube.writes, [])
  assert.equal(lab.aws.eks.requests.filter((r) => r.method !== 'GET'), [])
})

test.run()
