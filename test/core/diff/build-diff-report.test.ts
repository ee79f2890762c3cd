import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parseAllDocuments} from 'yaml'

import {buildDiffReport, diffFindsProblem} from '../../../src/core/diff/build-diff-report.js'
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
  assert.equal(r.cniVersion, {baseline: 'v1.23.0', running: 'v1.23.0', source: 'label app.kubernetes.io/version'})
  assert.not.ok(diffFindsProblem(r))
})

test('an image set by hand is contested: kubectl-set owns it, EKS declares it', () => {
  const r = report('image-edited')
  assert.equal(effects(r), [`contested user ${AWS_NODE}.image`])
  assert.equal(r.changes[0].managers, ['kubectl-set'])
  assert.is(r.changes[0].conflict, `DaemonSet.apps aws-node - ${AWS_NODE}.image`)
  assert.match(String(r.changes[0].current), /amazon-k8s-cni:v1\.22\.4-eksbuild\.1$/)
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

test('an env typo gets did-you-mean; a non-integer value is an error (a problem: exit 1) and stays out of configurationValues', () => {
  const r = report('env-typo')
  const typo = r.lint.find((f) => f.id === 'unknown-env')
  assert.equal(typo?.suggestions?.[0], 'WARM_IP_TARGET')
  assert.is(r.lint.find((f) => f.id === 'env-type')?.severity, 'error')
  assert.ok(diffFindsProblem(r), 'an error finding is a problem although no change is contested')
  assert.equal(r.remedy?.configurationValues, {env: {MINIMUM_IP_TARGET: '10'}})
  assert.equal(r.remedy?.notSettable.map((n) => n.path), [`${AWS_NODE}.env[name="WARM_ENI_TARGET"].value`, `${AWS_NODE}.env[name="WARM_IP_TARGTE"]`])
})

test('lint errors alone make a problem: IPv4 with IPv6, WARM_PREFIX_TARGET=banana', () => {
  for (const env of [{ENABLE_IPv4: 'true', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true'}, {WARM_PREFIX_TARGET: 'banana'}]) {
    const input = fixture('clean-managed')
    const container = (input.daemonSet as any).spec.template.spec.containers[0]
    for (const [name, value] of Object.entries(env)) container.env.find((e: {name: string}) => e.name === name).value = value
    delete (input.daemonSet as any).metadata.managedFields
    const r = buildDiffReport({...input, addon: {configurationValues: {env}, managed: true}}, DIFF_REFERENCE_DATA)
    assert.ok(r.lint.some((f) => f.severity === 'error'), JSON.stringify(env))
    assert.equal(r.changes.filter((c) => c.effect === 'contested' || c.effect === 'restored'), [], JSON.stringify(env))
    assert.ok(diffFindsProblem(r), JSON.stringify(env))
  }
})

test('without managedFields ownership is unknown, EKS\'s intent inferred from the release, and said so', () => {
  const r = report('stripped-managed-fields')
  assert.is(r.ownership.source, 'inferred')
  assert.is(r.addon.status, 'unknown')
  assert.equal(effects(r), [
    `contested unknown ${AWS_NODE}.image`,
    `preserved unknown ${AWS_NODE}.env[name="MINIMUM_IP_TARGET"]`,
    `preserved unknown ${AWS_NODE}.env[name="WARM_IP_TARGET"]`,
  ])
  assert.match(r.changes[0].reason, /ownership inferred/)
  assert.match(r.warnings[0], /ownership is inferred/)
})

test('a self-managed install is informational only, with no remedy', () => {
  const r = report('self-managed')
  assert.is(r.addon.status, 'self-managed')
  assert.equal(r.changes.map((c) => c.effect), ['informational', 'informational'])
  assert.equal(r.summary, {configured: 0, contested: 0, informational: 2, preserved: 0, restored: 0, undetermined: 0})
  assert.is(r.remedy, null)
})

test('contested: a probe timeout and the tolerations a user edited, with the paths EKS\'s conflict errors print', () => {
  const r = report('contested')
  assert.equal(effects(r), [`contested user ${AWS_NODE}.livenessProbe.timeoutSeconds`, 'contested user .spec.template.spec.tolerations'])
  assert.equal(r.changes.map((c) => c.conflict), [
    'DaemonSet.apps aws-node - .spec.template.spec.containers[name="aws-node"].livenessProbe.timeoutSeconds',
    'DaemonSet.apps aws-node - .spec.template.spec.tolerations',
  ])
  assert.equal(Object.keys(r.remedy!.configurationValues), ['livenessProbeTimeoutSeconds', 'tolerations'])
})

test('restored: a removed volume mount and label, owned by nobody, whatever the mode', () => {
  const r = report('restored')
  assert.equal(effects(r), ['restored unmanaged .metadata.labels.app.kubernetes.io/instance', `restored unmanaged ${AWS_NODE}.volumeMounts[mountPath="/run/xtables.lock"]`])
  assert.ok(diffFindsProblem(r))
})

test('values EKS applied itself: undetermined from a file, configured when configurationValues set them, restored when not', () => {
  const input = fixture('eks-configured')
  assert.equal(report('eks-configured').changes.map((c) => `${c.effect} ${c.owner}`), ['undetermined eks', 'undetermined eks'])
  assert.match(report('eks-configured').changes[0].reason, /cannot tell/)
  const configured = buildDiffReport({...input, addon: {configurationValues: {env: {MINIMUM_IP_TARGET: '30', WARM_IP_TARGET: '5'}}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(configured.changes.map((c) => c.effect), ['configured', 'configured'])
  assert.is(configured.remedy, null)
  const stale = buildDiffReport({...input, addon: {configurationValues: {env: {WARM_IP_TARGET: '5'}}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(stale.changes.map((c) => `${c.effect} ${c.path.split('"')[3]}`), ['restored MINIMUM_IP_TARGET', 'configured WARM_IP_TARGET'])
  assert.match(stale.changes[0].reason, /no longer set it: EKS's next apply of the add-on removes it/)
})

test('a List with the ConfigMap: network policy switched on in the controller only', () => {
  const input = fixture('list-with-configmap')
  assert.ok(input.configMap)
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes, [])
  assert.equal(r.lint.map((f) => f.id), ['network-policy-mismatch'])
})

test('a container removed by hand is restored: EKS applies it again', () => {
  const input = fixture('clean-managed')
  const pod = (input.daemonSet as any).spec.template.spec
  pod.containers = pod.containers.filter((c: {name: string}) => c.name !== 'aws-eks-nodeagent')
  const agent = '.spec.template.spec.containers[name="aws-eks-nodeagent"]'
  const eksFields = (input.daemonSet as any).metadata.managedFields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:containers']
  delete eksFields['k:{"name":"aws-eks-nodeagent"}']
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(r), [`restored unmanaged ${agent}`])
  assert.equal(r.changes[0].current, null)
  assert.is((r.changes[0].default as {name: string}).name, 'aws-eks-nodeagent')
})

test('every change carries path, owner and effect; the summary counts them', () => {
  for (const name of ['contested', 'eks-configured', 'env-typo', 'restored', 'image-edited', 'self-managed', 'stripped-managed-fields', 'warm-ip-added']) {
    const r = report(name)
    for (const change of r.changes) assert.ok(change.path.startsWith('.') && change.owner && change.effect, name)
    assert.is(Object.values(r.summary).reduce((a, b) => a + b, 0), r.changes.length, name)
  }
})

test.run()
