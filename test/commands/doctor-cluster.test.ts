import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni doctor against the cluster lab')
let lab: ClusterLab

const doctor = (argv: string[] = []) => runCommand<DoctorReport>(Doctor, [...argv, ...lab.flags, '--json'])

test.before(async () => {
  lab = await startClusterLab()
})

test.after(async () => {
  await lab.stop()
})

test('the JSON document has the contract shape, and nothing was written', async () => {
  const out = await doctor(['--only', 'CNI001'])
  assert.is(out.exitCode, 0, out.stderr)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.equal(Object.keys(doc).sort(), ['checked', 'cluster', 'findings', 'ipSummary', 'notChecked', 'schemaVersion', 'summary'])
  assert.is(doc.schemaVersion, 1)
  assert.equal(doc.summary, {error: 0, info: 0, warning: 0})
  assert.equal(doc.checked, ['CNI001'])
  assert.is(doc.cluster.kubernetesVersion, '1.31')
  assert.is(doc.ipSummary?.nodes.length, 3)
  assertNoMutation(lab)
})

test('an unknown ID is bad input, exit 2, with a did-you-mean', async () => {
  const out = await doctor(['--only', 'CNI0001'])
  assert.is(out.exitCode, 2)
  assert.match(out.stderr, /unknown check ID "CNI0001"/)
  assert.match(out.stderr, /did you mean CNI001/)
})

test('nodes refused: CNI001 not checked naming the permission, exit 3 as no check could run', async () => {
  lab.kube.faults.push({resource: 'nodes', status: 403})
  const out = await doctor()
  lab.kube.faults.splice(0)
  assert.is(out.exitCode, 3, out.stderr)
  const doc = JSON.parse(out.stdout) as DoctorReport
  assert.ok(doc.notChecked.some((n) => n.id === 'CNI001' && n.reason === 'could not check: needs list nodes'), JSON.stringify(doc.notChecked))
})

test.run()
