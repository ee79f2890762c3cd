import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildDiffReport, diffFindsProblem} from '../../../src/core/diff/build-diff-report.js'
import type {DiffReport} from '../../../src/core/diff/diff-report.js'
import {withServerDefaults} from '../../../src/core/diff/server-defaults.js'
import {DIFF_REFERENCE_DATA as DATA} from '../../../src/data/diff-reference.js'
import {EXPECTED, verdict} from '../../fixtures/diff/expected-verdicts.js'
import {EDITS, edited, FIXTURE_RELEASES, installed} from '../../fixtures/diff/release-fixtures.js'

const verdicts = (r: DiffReport) => r.changes.map((c) => verdict(c))

const test = suite('diff by ownership, on the tag DaemonSets of many releases')

test('every edit of the issue has an expectation', () => {
  assert.equal(Object.keys(EXPECTED).sort(), Object.keys(EDITS).sort())
})

test('property: every release diffed with its own DaemonSet, as shipped or as stored, has no change and its own baseline', () => {
  for (const [version, shipped] of DATA.baselines) {
    for (const daemonSet of [shipped, withServerDefaults(shipped)]) {
      const r = buildDiffReport({daemonSet}, DATA)
      assert.equal([r.cniVersion.baseline, r.changes], [version, []], version)
    }
  }
})

test('a clean install of the add-on (EKS Apply, server defaults, regional eksbuild images) reports nothing on every tag', () => {
  for (const version of DATA.baselines.keys()) {
    const r = buildDiffReport({daemonSet: installed(version)}, DATA)
    assert.equal([r.changes, r.warnings, diffFindsProblem(r)], [[], [], false], version)
  }
})

test('v1.15.5 and v1.16.4 ship no imagePullPolicy: the API default IfNotPresent is no conflict', () => {
  for (const version of ['v1.15.5', 'v1.16.4']) {
    const ds = installed(version)
    assert.is(ds.spec.template.spec.initContainers[0].imagePullPolicy, 'IfNotPresent')
    assert.equal(buildDiffReport({daemonSet: ds}, DATA).changes, [], version)
  }
})

for (const version of FIXTURE_RELEASES) {
  test(`${version}: every edit, with and without managedFields`, () => {
    for (const [edit, expected] of Object.entries(EXPECTED)) {
      const owned = buildDiffReport({daemonSet: edited(version, edit)}, DATA)
      assert.equal(verdicts(owned), expected.owned, `${version} ${edit} (${EDITS[edit].how})`)
      assert.is(diffFindsProblem(owned), expected.owned.some((v) => /^(contested|restored) /.test(v)), `${version} ${edit} exit`)
      const inferred = buildDiffReport({daemonSet: edited(version, edit, {managedFields: false})}, DATA)
      assert.equal(verdicts(inferred), expected.inferred, `${version} ${edit} without managedFields`)
    }
  })
}

test('a contested change carries the path as EKS\'s conflict errors print it', () => {
  const r = buildDiffReport({daemonSet: edited('v1.19.2', 'liveness-probe')}, DATA)
  assert.is(r.changes[0].conflict, 'DaemonSet.apps aws-node - .spec.template.spec.containers[name="aws-node"].livenessProbe.timeoutSeconds')
  assert.equal(r.changes[0].managers, ['kubectl-edit'])
  const preserved = buildDiffReport({daemonSet: edited('v1.19.2', 'env-tuning')}, DATA)
  assert.is(preserved.changes[0].conflict, null)
})

test('a user\'s value the configurationValues also set is no conflict: EKS\'s apply agrees with it', () => {
  const daemonSet = edited('v1.19.2', 'liveness-probe')
  const agreed = buildDiffReport({addon: {configurationValues: {livenessProbeTimeoutSeconds: 30}, managed: true}, daemonSet}, DATA)
  assert.equal(verdicts(agreed), ['configured user containers[name="aws-node"].livenessProbe.timeoutSeconds'])
  const other = buildDiffReport({addon: {configurationValues: {livenessProbeTimeoutSeconds: 20}, managed: true}, daemonSet}, DATA)
  assert.equal(other.changes.map((c) => c.effect), ['contested'])
})

test('a warm-pool value EKS applied (from configurationValues) is EKS\'s: undetermined from a file, configured when they set it', () => {
  const daemonSet = installed('v1.21.1')
  const env = daemonSet.spec.template.spec.containers[0].env
  env.find((e: {name: string}) => e.name === 'WARM_ENI_TARGET').value = '3'
  assert.equal(verdicts(buildDiffReport({daemonSet}, DATA)), ['undetermined eks containers[name="aws-node"].env[name="WARM_ENI_TARGET"].value'])
  const configured = buildDiffReport({addon: {configurationValues: {env: {WARM_ENI_TARGET: '3'}}, managed: true}, daemonSet}, DATA)
  assert.equal(configured.changes.map((c) => c.effect), ['configured'])
})

test('the remedy maps what the schema accepts (tolerations, resources, probe timeouts, env) and names the rest', () => {
  const remedy = (edit: string) => buildDiffReport({daemonSet: edited('v1.23.0', edit)}, DATA).remedy!
  assert.equal(remedy('tolerations').configurationValues, {tolerations: [{effect: 'NoSchedule', key: 'dedicated', operator: 'Equal', value: 'net'}]})
  assert.equal(remedy('resources').configurationValues, {resources: {requests: {cpu: '100m'}}})
  assert.equal(remedy('liveness-probe').configurationValues, {livenessProbeTimeoutSeconds: 30})
  assert.equal(remedy('env-non-tuning').configurationValues, {env: {AWS_VPC_K8S_CNI_LOGLEVEL: 'INFO'}})
  assert.equal(remedy('service-account').notSettable.map((n) => n.reason), ['the add-on schema has no key for this field; update-addon with OVERWRITE puts EKS\'s value back, only PRESERVE keeps it'])
  assert.is(buildDiffReport({daemonSet: edited('v1.23.0', 'volume-removed')}, DATA).remedy, null, 'a restored change has nothing to keep')
})

test.run()
