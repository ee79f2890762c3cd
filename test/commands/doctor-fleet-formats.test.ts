import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import {githubSarifProblems, sarifValidator, xmllintJunit} from '../helpers/format-consumers.js'
import {runCommand} from '../helpers/run-command.js'
import {type FleetLab, startFleetLab} from '../lab/fleet-lab.js'

const test = suite('doctor --output for a fleet of ARN-named contexts, two of them unreadable')
let fleet: FleetLab

// As `aws eks update-kubeconfig` names contexts: every row starts with the same 30 characters.
const PROD_A = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-a'
const PROD_B = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-b'
const EU_A = 'arn:aws:eks:eu-west-1:111122223333:cluster/prod-a'
const NAMES = [PROD_A, PROD_B, EU_A, 'gone', 'refused']

const doctor = (argv: string[]) =>
  runCommand(Doctor, ['--kubeconfig', fleet.kubeconfig, '--request-timeout', '2', ...NAMES.flatMap((n) => ['--context', n]), '--only', 'CNI001,CNI004,CNI007', ...argv])

test.before(async () => {
  fleet = await startFleetLab([
    {name: PROD_A},
    {kube: {nodeSettings: [{maxPods: 110}]}, name: PROD_B},
    {name: EU_A, region: 'eu-west-1'},
    {name: 'gone', unreachable: true},
    {name: 'refused'},
  ])
  fleet.kubes.get('refused')!.faults.push({path: '/', status: 403})
})

test.after(async () => {
  await fleet.stop()
})

type SarifFleet = {
  runs: Array<{automationDetails: {id: string}; invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications: Array<{level: string; message: {text: string}}>}>; results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
}

test('sarif: a run per cluster; the unread ones are not successful executions and carry their error; locations GitHub takes', async () => {
  const out = await doctor(['--output', 'sarif'])
  const log = JSON.parse(out.stdout) as SarifFleet
  assert.equal((await sarifValidator())(log), [])
  assert.equal(githubSarifProblems(log), [])
  assert.equal(log.runs.map((r) => r.automationDetails.id), NAMES.map((n) => `vpccni-doctor/${n}/`))
  assert.equal(log.runs.map((r) => r.invocations[0].executionSuccessful), [true, true, true, false, false])
  const gone = log.runs[3].invocations[0].toolExecutionNotifications[0]
  assert.is(gone.level, 'error')
  assert.match(gone.message.text, /^could not read the cluster: kubernetes:readServerVersion: cannot reach https:\/\/127\.0\.0\.1:1/)
  assert.match(log.runs[4].invocations[0].toolExecutionNotifications[0].message.text, /^could not read the cluster: /)
  const [uri] = log.runs[1].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)
  assert.is(uri, `cluster/${encodeURIComponent(PROD_B)}/NodeGroup/ng-general`)
})

test('junit: a cluster that could not be read is an error testcase, not skipped ones; the read ones pass or fail', async () => {
  const out = await doctor(['--output', 'junit'])
  assert.is((await xmllintJunit(out.stdout)).code, 0)
  assert.match(out.stdout, /<testsuites errors="2" failures="1" /)
  assert.match(out.stdout, /<testsuite errors="1" failures="0" name="gone read the cluster" skipped="0" tests="1">\n {4}<testcase classname="vpccni\.doctor\.gone" name="Cluster\/gone"><error message="could not read the cluster: kubernetes:readServerVersion: cannot reach/)
  assert.match(out.stdout, /<testsuite errors="1" failures="0" name="refused read the cluster"/)
})

test.run()
