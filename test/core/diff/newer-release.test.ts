import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildDiffReport, diffFindsProblem} from '../../../src/core/diff/build-diff-report.js'
import type {DiffInput} from '../../../src/core/diff/diff-report.js'
import {parseCniVersion} from '../../../src/core/cni-version.js'
import {describeHorizonPlace, placeOnHorizon} from '../../../src/core/release-horizon.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {NEWEST_KNOWN_CNI} from '../../../src/data/release-summary.generated.js'
import {addManager, cleanManaged, type Json} from './clean-managed-fixture.js'

/** The clean managed add-on as EKS would install v1.23.2, a release newer than the embedded data. */
function newerRelease(version: string): DiffInput & {daemonSet: Json} {
  const input = cleanManaged()
  const ds = input.daemonSet
  ds.metadata.labels['app.kubernetes.io/version'] = version
  const pod = ds.spec.template.spec
  for (const c of [pod.containers[0], pod.initContainers[0]]) c.image = c.image.replace(/v1\.23\.0-eksbuild\.1$/, `${version}-eksbuild.1`)
  pod.containers[0].env.find((e: Json) => e.name === 'VPC_CNI_VERSION').value = version
  return input
}

const test = suite('a CNI release newer than the embedded data')

test('its own images (owned by eks only) are no change: the baseline carries the running tag, and says so', () => {
  const r = buildDiffReport(newerRelease('v1.23.2'), DIFF_REFERENCE_DATA)
  assert.equal(r.changes, [])
  assert.equal(r.cniVersion, {baseline: 'v1.23.0', running: 'v1.23.2', source: 'label app.kubernetes.io/version'})
  assert.match(r.warnings.join('\n'), /v1\.23\.2 is newer than the newest release vpccni knows \(v1\.23\.0\), a patch release of its v1\.23 line: compared with the v1\.23\.0 DaemonSet in v1\.23\.2 images/)
})

test('one release horizon: diff\'s newest DaemonSet is NEWEST_KNOWN_CNI, the newest release compat and upgrade-plan know', () => {
  assert.is([...DIFF_REFERENCE_DATA.baselines.keys()].at(-1), NEWEST_KNOWN_CNI)
  const r = buildDiffReport(newerRelease('v1.23.1'), DIFF_REFERENCE_DATA)
  assert.is(r.cniVersion.baseline, NEWEST_KNOWN_CNI)
  const running = parseCniVersion('v1.23.1')
  const expected = describeHorizonPlace(running, placeOnHorizon(running, [...DIFF_REFERENCE_DATA.baselines.keys()]))
  assert.ok(r.warnings.some((w) => w.startsWith(`${expected}: compared with`)), r.warnings.join('\n'))
})

test('the policy agent (its own version) may move with the release; an aws-node image EKS owns is not drift: it may be that release\'s own', () => {
  const input = newerRelease('v1.23.2')
  const pod = input.daemonSet.spec.template.spec
  pod.containers[1].image = pod.containers[1].image.replace(/:v[\d.]+/, ':v1.4.3')
  assert.equal(buildDiffReport(input, DIFF_REFERENCE_DATA).changes, [])
  pod.containers[0].image = pod.containers[0].image.replace('v1.23.2', 'v1.23.0')
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes.map((c) => [c.path, c.effect]), [['.spec.template.spec.containers[name="aws-node"].image', 'undetermined']])
})

test('what EKS applied beyond the stand-in baseline (a variable a newer release adds) is not drift; a user\'s edit still is', () => {
  const input = newerRelease('v1.23.2')
  input.daemonSet.spec.template.spec.containers[0].env.push({name: 'ENABLE_SOMETHING_NEW', value: 'true'})
  const eksOwn = input.daemonSet.metadata.managedFields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"aws-node"}']['f:env']
  eksOwn['k:{"name":"ENABLE_SOMETHING_NEW"}'] = {'.': {}, 'f:name': {}, 'f:value': {}}
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes.map((c) => [c.effect, c.owner]), [['undetermined', 'eks']])
  assert.match(r.changes[0].reason, /no v1\.23\.2 DaemonSet/)
  assert.not.ok(diffFindsProblem(r))
  input.daemonSet.spec.template.spec.containers[0].livenessProbe.timeoutSeconds = 30
  addManager(input.daemonSet, 'kubectl-edit', {'f:spec': {'f:template': {'f:spec': {'f:containers': {'k:{"name":"aws-node"}': {'f:livenessProbe': {'f:timeoutSeconds': {}}}}}}}})
  assert.ok(diffFindsProblem(buildDiffReport(input, DIFF_REFERENCE_DATA)))
})

test.run()
