import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {clusterLabels} from '../../../src/core/doctor/doctor-run.js'
import type {DoctorReport} from '../../../src/core/doctor/doctor-report.js'
import {type FleetMember, fleetDocument, fleetExitCode} from '../../../src/core/doctor/fleet.js'
import {renderPrometheus} from '../../../src/output/doctor-prometheus.js'
import {pushGatewayUrl} from '../../../src/sources/prometheus/push-gateway.js'

const test = suite('fleet exit code and document; Pushgateway grouping key; label escaping')

function member(context: string, errors: number, read = true): FleetMember {
  const report: DoctorReport = {
    checked: read ? ['CNI001'] : [],
    cluster: {cniVersion: null, context, kubernetesVersion: read ? '1.31' : null, name: 'lab', region: 'us-west-2', source: 'live', takenAt: null},
    findings: [],
    ipSummary: null,
    ipSummaryNotBuilt: null,
    notChecked: read ? [] : [{call: 'kubernetes:listNodes', calls: ['kubernetes:listNodes'], id: 'CNI001', partial: false, permission: null, permissions: [], reason: 'could not check: no answer', title: 't'}],
    schemaVersion: 1,
    summary: {error: errors, info: 0, warning: 0},
  }
  return {context, run: {durationSeconds: 1, examined: {byCheck: {}, groupOfNode: {}}, label: context, overrides: {}, report, runway: [], startedAt: '2026-12-02T00:00:00.000Z'}}
}

test('the worst cluster decides; 3 only when none could be read; a missing cluster is not a clean bill', () => {
  assert.is(fleetExitCode([member('a', 0), member('b', 0)], 'error'), 0)
  assert.is(fleetExitCode([member('a', 0), member('b', 2)], 'error'), 1)
  assert.is(fleetExitCode([member('a', 0), member('b', 0, false)], 'error'), 1)
  assert.is(fleetExitCode([member('a', 0, false), {context: 'b', error: {exitCode: 2, message: 'bad'}}], 'error'), 3)
})

test('the fleet document: one entry per context in order, an unread one with its error and the same keys', () => {
  const doc = fleetDocument([member('a', 0), {context: 'b', error: {exitCode: 3, message: 'kubernetes: no answer'}}])
  assert.equal(doc.clusters.map((c) => c.cluster.context), ['a', 'b'])
  assert.equal(Object.keys(doc.clusters[1]).sort(), [...Object.keys(doc.clusters[0]), 'error'].sort())
})

test('Pushgateway paths: plain names as they are, others base64url-encoded as the Pushgateway documents', () => {
  assert.is(pushGatewayUrl('http://gw:9091', 'prod-a').pathname, '/metrics/job/vpccni/cluster/prod-a')
  assert.is(pushGatewayUrl('http://gw:9091/base/', 'prod-a').pathname, '/base/metrics/job/vpccni/cluster/prod-a')
  const arn = 'arn:aws:eks:us-west-2:111122223333:cluster/prod'
  assert.is(pushGatewayUrl('http://gw:9091', arn).pathname, `/metrics/job/vpccni/cluster@base64/${Buffer.from(arn).toString('base64url')}`)
  // The cluster nothing names: the Pushgateway's spelling of an empty label value, so no cluster label is invented.
  assert.is(pushGatewayUrl('http://gw:9091', '').pathname, '/metrics/job/vpccni/cluster@base64/=')
})

test('cluster labels: the EKS name, else the context; members that would share a label go by their context', () => {
  const labels = (members: Array<[string, null | string]>) => clusterLabels(members.map(([context, name]) => ({context, name})))
  assert.equal(labels([['arn-a', 'prod'], ['arn-b', 'stage'], ['dev', null]]), ['prod', 'stage', 'dev'])
  assert.equal(labels([['use1', 'prod'], ['euw1', 'prod'], ['x', 'stage']]), ['use1', 'euw1', 'stage'])
  // A context falling back to its own name may meet another member's EKS name: that one moves too.
  assert.equal(labels([['stage', 'prod'], ['b', 'prod'], ['c', 'stage']]), ['stage', 'b', 'c'])
  assert.equal(labels([['lab', null], ['prod-a', 'lab']]), ['lab', 'prod-a'])
})

test('label values are escaped (backslash, quote, newline)', () => {
  assert.match(renderPrometheus([member('a "quoted" \\ name', 0)]), /^vpccni_doctor_up\{cluster="a \\"quoted\\" \\\\ name"\} 1$/m)
})

test.run()
