import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {doctorExitCode} from '../../../src/core/doctor/doctor-exit-code.js'
import {CHECK_REGISTRY} from '../../../src/core/doctor/registry.js'
import {runChecks} from '../../../src/core/doctor/run-checks.js'
import {assertChecksLeft, parseCheckIds, parseSeverityOverrides} from '../../../src/core/doctor/select-checks.js'
import {renderDoctorReport} from '../../../src/output/doctor-view.js'
import {plainStyle} from '../../../src/output/style.js'
import {UserError} from '../../../src/errors.js'
import {projectRoot} from '../../helpers/run-command.js'
import {awsNode, inputWith, node} from './doctor-fixture.js'

const test = suite('doctor runner: selection, overrides, notChecked, exit codes')
const all = {only: [], severity: {}, skip: []}
const ids = CHECK_REGISTRY.map((c) => c.id)
const customNetworking = () => inputWith({awsNode: awsNode({AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true'}), nodes: [node('1', 'm5.large', 29)]})

test('registry: IDs are unique, CNI + three digits, each with a docs anchor named after it', () => {
  assert.is(new Set(ids).size, ids.length)
  for (const check of CHECK_REGISTRY) {
    assert.match(check.id, /^CNI\d{3}$/)
    assert.is(check.docs, check.id.toLowerCase())
    assert.ok(check.needs.length > 0, `${check.id} needs a read`)
  }
})

test('docs/checks.md has a section for every check, under the anchor its findings link', () => {
  const page = readFileSync(join(projectRoot, 'docs/checks.md'), 'utf8')
  for (const check of CHECK_REGISTRY) {
    assert.ok(page.includes(`<a id="${check.docs}"></a>\n### ${check.id} `), `${check.id} section`)
  }
})

test('unknown IDs are bad input with a did-you-mean; lower case and commas accepted', () => {
  assert.equal(parseCheckIds('--only', ['cni001'], ids), ['CNI001'])
  try {
    parseCheckIds('--only', ['CNI01'], ids)
    assert.unreachable()
  } catch (error) {
    assert.instance(error, UserError)
    assert.match((error as UserError).message, /--only: unknown check ID "CNI01"/)
    assert.match((error as UserError).hint ?? '', /did you mean CNI001/)
  }
})

test('--severity ID=LEVEL re-grades; a bad level or shape is bad input', () => {
  assert.equal(parseSeverityOverrides(['CNI001=warning'], ids), {CNI001: 'warning'})
  assert.throws(() => parseSeverityOverrides(['CNI001=fatal'], ids), /LEVEL must be one of error, warning, info/)
  assert.throws(() => parseSeverityOverrides(['CNI001'], ids), /expects ID=LEVEL/)
  const report = runChecks(customNetworking(), {...all, severity: {CNI001: 'warning'}})
  // Info notes of other checks (the fixture's DaemonSet has no manifest the diff engine can place) do not count here.
  assert.equal([report.summary.error, report.summary.warning], [0, 1])
  assert.is(doctorExitCode(report, 'error'), 0)
  assert.is(doctorExitCode(report, 'warning'), 1)
})

test('an error finding exits 1; --skip drops the check', () => {
  assert.is(doctorExitCode(runChecks(customNetworking(), all), 'error'), 1)
  const skipped = runChecks(customNetworking(), {...all, skip: ['CNI001']})
  assert.equal(skipped.findings.filter((f) => f.severity !== 'info'), [])
  assert.not.ok(skipped.checked.includes('CNI001'))
  assert.ok(skipped.checked.includes('CNI002'))
  assert.is(doctorExitCode(skipped, 'error'), 0)
})

test('a refused read: every check needing it is not checked, naming the permission; exit 3 when none could run', () => {
  const input = customNetworking()
  input.reads.nodes = {call: 'kubernetes:listNodes', ok: false, permission: 'list nodes', reason: 'kubernetes:listNodes: forbidden'}
  const report = runChecks(input, all)
  const entry = report.notChecked.find((n) => n.id === 'CNI001')
  const base = {call: 'kubernetes:listNodes', calls: ['kubernetes:listNodes'], id: 'CNI001', partial: false, permission: 'list nodes', permissions: ['list nodes']}
  assert.equal(entry, {...base, reason: 'could not check: needs list nodes', title: CHECK_REGISTRY[0].title})
  assert.not.ok(report.checked.includes('CNI001'))
  assert.is(doctorExitCode({...report, checked: []}, 'error'), 3)
})

test('two refused reads: one notChecked entry per check naming both permissions; the headline never says nothing wrong', () => {
  const input = customNetworking()
  input.reads.nodes = {call: 'kubernetes:listNodes', ok: false, permission: 'list nodes', reason: 'forbidden'}
  input.reads.awsNode = {call: 'kubernetes:readAwsNode', ok: false, permission: 'get daemonsets', reason: 'forbidden'}
  const report = runChecks(input, {...all, only: ['CNI001', 'CNI002']})
  assert.equal(report.notChecked.map((n) => [n.id, n.permissions, n.reason]), [
    ['CNI001', ['get daemonsets', 'list nodes'], 'could not check: needs get daemonsets, list nodes'],
    ['CNI002', ['get daemonsets', 'list nodes'], 'could not check: needs get daemonsets, list nodes'],
  ])
  assert.is(doctorExitCode(report, 'error'), 3)
  const text = renderDoctorReport(report, plainStyle, 80)
  assert.not.match(text, /nothing wrong/)
  assert.match(text, /0 checks run, 2 could not run/)
  assert.match(text, /No findings, but 2 of 2 checks could not run/)
})

test('--only and --skip that leave nothing to run are bad input', () => {
  assert.throws(() => assertChecksLeft({only: ['CNI001'], severity: {}, skip: ['CNI001']}, ids), /leave no check to run/)
  assertChecksLeft({only: ['CNI001', 'CNI002'], severity: {}, skip: ['CNI001']}, ids)
})

test.run()
