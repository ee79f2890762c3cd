import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parseAllDocuments} from 'yaml'

import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import type {DiffInput, DiffReport} from '../../../src/core/diff/diff-report.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {projectRoot} from '../../helpers/run-command.js'

const AWS_NODE = '.spec.template.spec.containers[name="aws-node"]'

function fixture(name: string): DiffInput {
  const text = readFileSync(join(projectRoot, 'test/fixtures/diff', `${name}.yaml`), 'utf8')
  return selectDiffInput(parseAllDocuments(text).map((d) => d.toJS()), name)
}

const report = (name: string): DiffReport => buildDiffReport(fixture(name), DIFF_REFERENCE_DATA)
const effects = (r: DiffReport) => r.changes.map((c) => `${c.effect} ${c.owner} ${c.path}`)

const test = suite('buildDiffReport')

test('a clean managed add-on (EKS regional images, server defaults) has no change', () => {
  const r = report('clean-managed')
  assert.equal(r.changes, [])
  assert.equal(r.lint, [])
  assert.is(r.remedy, null)
  assert.equal(r.addon.status, 'managed')
  assert.equal(r.ownership, {managers: ['eks'], source: 'managedFields'})
  assert.equal(r.cniVersion, {baseline: 'v1.23.1', coverage: 'full', running: 'v1.23.1', source: 'label app.kubernetes.io/version'})
})

test('an image set by hand is reverted although kubectl-set now owns it', () => {
  const r = report('image-edited')
  assert.equal(effects(r), [`reverted user ${AWS_NODE}.image`])
  assert.equal(r.changes[0].managers, ['kubectl-set'])
  assert.match(String(r.changes[0].current), /amazon-k8s-cni:v1\.23\.0-eksbuild\.1$/)
  assert.equal(r.remedy?.command, null)
  assert.match(r.remedy!.notSettable[0].reason, /add-on version/)
})

test('WARM_IP_TARGET added by kubectl edit is preserved, linted, and made permanent by configurationValues', () => {
  const r = report('warm-ip-added')
  assert.equal(effects(r), [`preserved user ${AWS_NODE}.env[name="WARM_IP_TARGET"]`])
  assert.equal(r.lint.map((f) => f.id), ['warm-ip-without-minimum'])
  assert.equal(r.remedy?.configurationValues, {env: {WARM_IP_TARGET: '5'}})
  assert.is(r.remedy?.command, `aws eks update-addon --cluster-name CLUSTER --addon-name vpc-cni --configuration-values '{"env":{"WARM_IP_TARGET":"5"}}' --resolve-conflicts OVERWRITE`)
})

test('an env typo gets did-you-mean; a non-integer value is an error and stays out of configurationValues', () => {
  const r = report('env-typo')
  const typo = r.lint.find((f) => f.id === 'unknown-env')
  assert.equal(typo?.suggestions?.[0], 'WARM_IP_TARGET')
  assert.is(r.lint.find((f) => f.id === 'env-type')?.severity, 'error')
  assert.equal(r.remedy?.configurationValues, {env: {MINIMUM_IP_TARGET: '10'}})
  assert.equal(r.remedy?.notSettable.map((n) => n.path), [`${AWS_NODE}.env[name="WARM_ENI_TARGET"].value`, `${AWS_NODE}.env[name="WARM_IP_TARGTE"]`])
})

test('without managedFields ownership is inferred from the documented set, and said so', () => {
  const r = report('stripped-managed-fields')
  assert.is(r.ownership.source, 'inferred')
  assert.is(r.addon.status, 'unknown')
  assert.equal(effects(r), [
    `reverted eks ${AWS_NODE}.image`,
    `preserved unmanaged ${AWS_NODE}.env[name="MINIMUM_IP_TARGET"]`,
    `preserved unmanaged ${AWS_NODE}.env[name="WARM_IP_TARGET"]`,
  ])
  assert.match(r.warnings[0], /ownership is inferred/)
})

test('a self-managed install is informational only, with no remedy', () => {
  const r = report('self-managed')
  assert.is(r.addon.status, 'self-managed')
  assert.equal(r.changes.map((c) => c.effect), ['informational', 'informational'])
  assert.equal(r.summary, {conflict: 0, informational: 2, preserved: 0, reverted: 0})
  assert.is(r.remedy, null)
})

test('a field both EKS and kubectl applied is a conflict', () => {
  const r = report('conflict')
  assert.equal(effects(r), [`conflict shared ${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`])
  assert.equal(r.changes[0].managers, ['eks', 'kubectl'])
})

test('a List with the ConfigMap: network policy switched on in the controller only', () => {
  const input = fixture('list-with-configmap')
  assert.ok(input.configMap)
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes, [])
  assert.equal(r.lint.map((f) => f.id), ['network-policy-mismatch'])
})

test('known configurationValues: an EKS-owned value they set is preserved, one they do not set is reverted', () => {
  const input = fixture('clean-managed')
  const container = (input.daemonSet as any).spec.template.spec.containers[0]
  container.env.find((e: {name: string}) => e.name === 'ENABLE_PREFIX_DELEGATION').value = 'true'
  const configured = buildDiffReport({...input, addon: {configurationValues: {env: {ENABLE_PREFIX_DELEGATION: 'true'}}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(configured.changes.map((c) => c.effect), ['preserved'])
  assert.match(configured.changes[0].reason, /configurationValues/)
  const unconfigured = buildDiffReport({...input, addon: {configurationValues: {}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(unconfigured.changes.map((c) => c.effect), ['reverted'])
})

test('a container removed by hand is reverted: EKS applies its image again', () => {
  const input = fixture('clean-managed')
  const pod = (input.daemonSet as any).spec.template.spec
  pod.containers = pod.containers.filter((c: {name: string}) => c.name !== 'aws-eks-nodeagent')
  const agent = '.spec.template.spec.containers[name="aws-eks-nodeagent"]'
  const stale = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(stale), [`reverted eks ${agent}`])
  const eksFields = (input.daemonSet as any).metadata.managedFields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:containers']
  delete eksFields['k:{"name":"aws-eks-nodeagent"}']
  const edited = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(edited), [`reverted unmanaged ${agent}`])
  assert.equal(edited.changes[0].current, null)
  assert.is((edited.changes[0].default as {name: string}).name, 'aws-eks-nodeagent')
})

test('every change carries path, owner and effect; the summary counts them', () => {
  for (const name of ['conflict', 'env-typo', 'image-edited', 'self-managed', 'stripped-managed-fields', 'warm-ip-added']) {
    const r = report(name)
    for (const change of r.changes) assert.ok(change.path.startsWith('.') && change.owner && change.effect, name)
    assert.is(Object.values(r.summary).reduce((a, b) => a + b, 0), r.changes.length, name)
  }
})

test.run()
