import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parseAllDocuments} from 'yaml'

import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import type {DiffInput, DiffReport} from '../../../src/core/diff/diff-report.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {renderDiff} from '../../../src/output/diff-view.js'
import {createStyle} from '../../../src/output/style.js'
import Diff from '../../../src/commands/diff.js'
import {projectRoot, runCommand} from '../../helpers/run-command.js'

const AWS_NODE = '.spec.template.spec.containers[name="aws-node"]'

export function reviewInput(name: string): DiffInput {
  const text = readFileSync(join(projectRoot, 'test/fixtures/diff/review', `${name}.yaml`), 'utf8')
  return selectDiffInput(parseAllDocuments(text).map((d) => d.toJS()), name)
}

const report = (name: string, addon?: DiffInput['addon']): DiffReport =>
  buildDiffReport({...reviewInput(name), ...(addon ? {addon} : {})}, DIFF_REFERENCE_DATA)
const effects = (r: DiffReport) => r.changes.map((c) => `${c.effect} ${c.path}`)

const test = suite('diff: the release is what EKS owns')

test('a version label kubectl-edit changed is the user\'s change, not the release (contested, said so)', () => {
  const r = report('label-only')
  assert.equal(r.cniVersion, {baseline: 'v1.22.4', running: 'v1.22.4', source: 'env VPC_CNI_VERSION'})
  assert.equal(effects(r), ['contested .metadata.labels.app.kubernetes.io/version'])
  assert.match(r.warnings.join('\n'), /label app\.kubernetes\.io\/version v1\.23\.0: set by kubectl-edit, not by EKS/)
})

test('a kubectl set image downgrade before v1.10 (no label) is contested against the eks-owned init image\'s release', () => {
  for (const [name, release, image] of [['v1.9.3-set-image-v1.9.1', 'v1.9.3', 'v1.9.1'], ['v1.7.10-img2', 'v1.7.10', 'v1.7.5']]) {
    const r = report(name)
    assert.is(r.cniVersion.running, release, name)
    assert.equal(effects(r), [`contested ${AWS_NODE}.image`], name)
    assert.match(String(r.changes[0].current), new RegExp(`:${image.replaceAll('.', '\\.')}$`))
  }
})

test('a self-managed manifest applied client-side over the add-on: every field it took from eks is contested', () => {
  const r = report('upgrade-by-kubectl')
  assert.ok(r.changes.length >= 5)
  assert.ok(r.changes.every((c) => c.effect === 'contested' && c.managers.includes('kubectl-client-side-apply')))
  assert.ok(r.changes.some((c) => c.path === `${AWS_NODE}.image`))
  assert.match(r.warnings.join('\n'), /no version source is eks's .*the release EKS applied is not in the input/)
})

test('live, DescribeAddon names the release when no version source is eks\'s', () => {
  const r = report('upgrade-by-kubectl', {managed: true, version: 'v1.22.4-eksbuild.1'})
  assert.equal(r.cniVersion, {baseline: 'v1.22.4', running: 'v1.22.4', source: 'EKS DescribeAddon addonVersion'})
  const image = r.changes.find((c) => c.path === `${AWS_NODE}.image`)
  assert.is(image?.effect, 'contested')
  assert.match(String(image?.default), /:v1\.22\.4$/)
})

const inferred = suite('diff without managedFields: the release\'s DaemonSet is EKS\'s intent')

inferred('a differing value the release sets is undetermined, never preserved with certainty; a removed one is restored', () => {
  const expected: Record<string, string> = {
    'v1.23.0-envrm-nomf': `restored ${AWS_NODE}.env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT"]`,
    'v1.23.0-loglevel-nomf': `undetermined ${AWS_NODE}.env[name="AWS_VPC_K8S_CNI_LOGLEVEL"].value`,
    'v1.23.0-np-nomf': 'undetermined .spec.template.spec.containers[name="aws-eks-nodeagent"].args',
    'v1.23.0-snat-nomf': `undetermined ${AWS_NODE}.env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT"].value`,
    'v1.23.0-tol-nomf': 'undetermined .spec.template.spec.tolerations',
  }
  for (const [name, verdict] of Object.entries(expected)) {
    const r = report(name)
    assert.equal(effects(r), [verdict], name)
    assert.match(r.changes[0].reason, /ownership inferred|without managedFields/, name)
    // The same edit with managedFields is contested or restored: the verdicts agree in kind, not in certainty.
    const owned = report(name.replace('-nomf', ''))
    assert.ok(owned.changes.every((c) => c.effect === 'contested' || c.effect === 'restored'), name)
  }
})

inferred('the undetermined legend says a user\'s edit or EKS, not "EKS applied these itself"', async () => {
  const style = await createStyle(false)
  const text = renderDiff(report('v1.23.0-snat-nomf'), style)
  assert.not.match(text, /EKS applied these itself|EKS applied a value of its own/)
  assert.match(text, /a user's edit \(contested on EKS's next apply\) or a value\n/)
  assert.ok(text.split('\n').filter((l) => l.startsWith('  ') && !l.startsWith('  DaemonSet')).every((l) => l.length <= 80))
})

const remedy = suite('diff remedy: update-addon replaces the whole configuration')

remedy('from a file, values EKS applied itself (undetermined) ride along with the user\'s, and the caveats say so', async () => {
  const r = report('cv-prefix-snat')
  assert.equal(effects(r), [
    `contested ${AWS_NODE}.env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT"].value`,
    `undetermined ${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`,
  ])
  assert.equal(r.remedy?.configurationValues, {env: {AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true', ENABLE_PREFIX_DELEGATION: 'true'}})
  assert.is(r.remedy?.currentConfiguration, 'unknown')
  assert.equal(r.remedy?.undeterminedCarried, [`${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`])
  const text = renderDiff(r, await createStyle(false))
  assert.match(text, /update-addon replaces the whole configuration, and the input has none/)
  assert.match(text, /It carries the 1 undetermined value\(s\) above/)
})

remedy('live, the add-on\'s configurationValues are the start: prefix delegation stays on', () => {
  const r = report('cv-prefix-snat', {configurationValues: {env: {ENABLE_PREFIX_DELEGATION: 'true'}}, managed: true})
  assert.equal(r.remedy?.configurationValues, {env: {AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true', ENABLE_PREFIX_DELEGATION: 'true'}})
  assert.is(r.remedy?.currentConfiguration, 'read')
  assert.equal(r.remedy?.undeterminedCarried, [])
})

const taken = suite('diff: a field a user took back from eks at the release value')

taken('from a file it is undetermined; live it is contested when configurationValues set EKS\'s value, else nothing', () => {
  const path = `${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`
  assert.equal(effects(report('cv-then-user-revert')), [`undetermined ${path}`])
  const live = report('cv-then-user-revert', {configurationValues: {env: {ENABLE_PREFIX_DELEGATION: 'true'}}, managed: true})
  assert.equal(effects(live), [`contested ${path}`])
  assert.equal([live.changes[0].current, live.changes[0].default], ['false', 'true'])
  assert.equal(report('cv-then-user-revert', {configurationValues: {}, managed: true}).changes, [])
})

const input = suite('diff input: one aws-node DaemonSet, where EKS puts it, installed how')

input('a List with two aws-node DaemonSets is refused in one line (exit 2)', async () => {
  assert.throws(() => reviewInput('list-dup'), (error: Error) => /holds 2 aws-node DaemonSets/.test(error.message))
  const out = await runCommand(Diff, ['-f', join(projectRoot, 'test/fixtures/diff/review/list-dup.yaml')])
  assert.is(out.exitCode, 2)
  assert.is(out.stderr.split('\n').filter((l) => l.startsWith('error')).length, 1)
})

input('aws-node outside kube-system is compared with a warning', () => {
  const r = report('ns')
  assert.is(r.daemonSet.namespace, 'default')
  assert.match(r.warnings.join('\n'), /aws-node is in namespace default, not kube-system/)
})

input('kubectl\'s last-applied annotation without managedFields is a sign of a self-managed install, said so', () => {
  const r = report('lastapplied-nomf')
  assert.is(r.addon.status, 'self-managed')
  assert.match(r.addon.basis, /last-applied-configuration annotation: a sign of a self-managed install/)
  assert.match(r.warnings.join('\n'), /treated as self-managed/)
  assert.ok(r.changes.every((c) => c.effect === 'informational'))
})

test.run()
input.run()
taken.run()
inferred.run()
remedy.run()
