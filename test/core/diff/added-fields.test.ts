import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import type {DiffReport} from '../../../src/core/diff/diff-report.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {addManager, cleanManaged, type Json} from './clean-managed-fixture.js'

const POD = '.spec.template.spec'
const AWS_NODE = `${POD}.containers[name="aws-node"]`

const effects = (r: DiffReport) => r.changes.map((c) => `${c.effect} ${c.owner} ${c.managers.join(',')} ${c.path}`)
const podFields = (fields: Json): Json => ({'f:spec': {'f:template': {'f:spec': fields}}})

const test = suite('keys added under EKS-managed fields')

test('a label added by kubectl label next to the four EKS owns is preserved, owned by kubectl-label', () => {
  const input = cleanManaged()
  input.daemonSet.metadata.labels.team = 'net'
  addManager(input.daemonSet, 'kubectl-label', {'f:metadata': {'f:labels': {'f:team': {}}}})
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(r), ['preserved user kubectl-label .metadata.labels.team'])
  assert.is(r.summary.restored + r.summary.contested, 0)
})

test('a liveness probe field EKS does not own, added by kubectl edit, is preserved', () => {
  const input = cleanManaged()
  input.daemonSet.spec.template.spec.containers[0].livenessProbe.terminationGracePeriodSeconds = 30
  addManager(input.daemonSet, 'kubectl-edit', podFields({'f:containers': {'k:{"name":"aws-node"}': {'f:livenessProbe': {'f:terminationGracePeriodSeconds': {}}}}}))
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(r), [`preserved user kubectl-edit ${AWS_NODE}.livenessProbe.terminationGracePeriodSeconds`])
})

test('a hostPath type added to a volume whose path alone EKS owns is preserved', () => {
  const input = cleanManaged()
  input.daemonSet.spec.template.spec.volumes.find((v: Json) => v.name === 'bpf-pin-path').hostPath.type = 'Directory'
  addManager(input.daemonSet, 'kubectl-patch', podFields({'f:volumes': {'k:{"name":"bpf-pin-path"}': {'f:hostPath': {'f:type': {}}}}}))
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(effects(r), [`preserved user kubectl-patch ${POD}.volumes[name="bpf-pin-path"].hostPath.type`])
})

test('a key EKS declares is contested when a user changes it; a label added without managedFields is preserved all the same', () => {
  const owned = cleanManaged()
  owned.daemonSet.metadata.labels['k8s-app'] = 'mine'
  addManager(owned.daemonSet, 'kubectl-label', {'f:metadata': {'f:labels': {'f:k8s-app': {}}}})
  assert.equal(buildDiffReport(owned, DIFF_REFERENCE_DATA).changes.map((c) => c.effect), ['contested'])
  const stripped = cleanManaged()
  delete stripped.daemonSet.metadata.managedFields
  stripped.daemonSet.metadata.labels.team = 'net'
  const r = buildDiffReport(stripped, DIFF_REFERENCE_DATA)
  assert.equal(effects(r), ['preserved unknown  .metadata.labels.team'])
})

test.run()
