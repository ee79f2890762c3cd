import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import {DIFF_REFERENCE_DATA} from '../../../src/data/diff-reference.js'
import {addManager, cleanManaged, type Json} from './clean-managed-fixture.js'

const POD = '.spec.template.spec'
const AGENT_ARGS = `${POD}.containers[name="aws-eks-nodeagent"].args`

const test = suite('remedy keys for agent flags and affinity')

const agentArgs = (ds: Json): string[] => ds.spec.template.spec.containers.find((c: Json) => c.name === 'aws-eks-nodeagent').args

test('one agent flag the schema has no key for: nothing to set, and that flag is named not settable', () => {
  const input = cleanManaged()
  const args = agentArgs(input.daemonSet)
  args[args.indexOf('--log-level=debug')] = '--log-level=info'
  addManager(input.daemonSet, 'kubectl-edit', {'f:spec': {'f:template': {'f:spec': {'f:containers': {'k:{"name":"aws-eks-nodeagent"}': {'f:args': {}}}}}}})
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes.map((c) => c.path), [AGENT_ARGS])
  assert.equal(r.remedy?.configurationValues, {})
  assert.is(r.remedy?.command, null)
  assert.equal(r.remedy?.notSettable.map((n) => n.path), [AGENT_ARGS])
  assert.match(r.remedy!.notSettable[0].reason, /--log-level/)
  assert.not.match(r.remedy!.notSettable[0].reason, /--enable/)
})

test('a mapped agent flag changed next to an unmapped one: only the changed flag is set, the other named', () => {
  const input = cleanManaged()
  const args = agentArgs(input.daemonSet)
  args[args.indexOf('--enable-policy-event-logs=false')] = '--enable-policy-event-logs=true'
  args[args.indexOf('--log-level=debug')] = '--log-level=info'
  addManager(input.daemonSet, 'kubectl-edit', {'f:spec': {'f:template': {'f:spec': {'f:containers': {'k:{"name":"aws-eks-nodeagent"}': {'f:args': {}}}}}}})
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.remedy?.configurationValues, {nodeAgent: {enablePolicyEventLogs: 'true'}})
  assert.equal(r.remedy?.notSettable.map((n) => n.path), [AGENT_ARGS])
  assert.match(r.remedy!.notSettable[0].reason, /--log-level/)
})

const TERMS = `${POD}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`

function affinityEdited(): ReturnType<typeof cleanManaged> {
  const input = cleanManaged()
  const {nodeAffinity} = input.daemonSet.spec.template.spec.affinity
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions.push({key: 'team', operator: 'In', values: ['net']})
  return input
}

test('an affinity edit maps to the schema\'s affinity key, with the whole live affinity', () => {
  const input = affinityEdited()
  const terms = {'f:nodeAffinity': {'f:requiredDuringSchedulingIgnoredDuringExecution': {'f:nodeSelectorTerms': {}}}}
  // kubectl edit (an Update) takes the field over: EKS no longer owns it, nor the parents left empty.
  delete input.daemonSet.metadata.managedFields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:affinity']
  addManager(input.daemonSet, 'kubectl-edit', {'f:spec': {'f:template': {'f:spec': {'f:affinity': terms}}}})
  const r = buildDiffReport(input, DIFF_REFERENCE_DATA)
  assert.equal(r.changes.map((c) => [c.path, c.effect, c.managers]), [[TERMS, 'contested', ['kubectl-edit']]])
  assert.equal(r.remedy?.configurationValues, {affinity: input.daemonSet.spec.template.spec.affinity})
  assert.equal(r.remedy?.notSettable, [])
})

test('an affinity EKS applied: configured when configurationValues set it, restored when they do not', () => {
  const input = affinityEdited()
  const {affinity} = input.daemonSet.spec.template.spec
  const configured = buildDiffReport({...input, addon: {configurationValues: {affinity}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(configured.changes.map((c) => [c.path, c.effect, c.reason]), [[TERMS, 'configured', 'applied by EKS from the add-on configurationValues: not drift']])
  const unconfigured = buildDiffReport({...input, addon: {configurationValues: {}, managed: true}}, DIFF_REFERENCE_DATA)
  assert.equal(unconfigured.changes.map((c) => c.effect), ['restored'])
  assert.not.match(unconfigured.changes[0].reason, /no key/)
  assert.is(unconfigured.remedy, null, 'EKS restores it: nothing to keep')
})

test.run()
