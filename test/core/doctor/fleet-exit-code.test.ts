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
    cluster: {accountId: null, cniVersion: null, context, kubernetesVersion: read ? '1.31' : null, name: 'lab', region: 'us-west-2', source: 'live', takenAt: null},
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
  const key = (cluster: string, region = '', accountId = '') => ({accountId, cluster, region})
  assert.is(pushGatewayUrl('http://gw:9091', key('prod-a')).pathname, '/metrics/job/vpccni/cluster/prod-a')
  assert.is(pushGatewayUrl('http://gw:9091/base/', key('prod-a')).pathname, '/base/metrics/job/vpccni/cluster/prod-a')
  const arn = 'arn:aws:eks:us-west-2:111122223333:cluster/prod'
  assert.is(pushGatewayUrl('http://gw:9091', key(arn)).pathname, `/metrics/job/vpccni/cluster@base64/${Buffer.from(arn).toString('base64url')}`)
  // The cluster nothing names: the Pushgateway's spelling of an empty label value, so no cluster label is invented.
  assert.is(pushGatewayUrl('http://gw:9091', key('')).pathname, '/metrics/job/vpccni/cluster@base64/=')
  // The region and account are the group's too: one name in two accounts is two groups, not one overwritten.
  assert.is(pushGatewayUrl('http://gw:9091', key('main', 'eu-west-1', '111122223333')).pathname, '/metrics/job/vpccni/cluster/main/region/eu-west-1/account_id/111122223333')
  assert.is(pushGatewayUrl('http://gw:9091', key('main', 'eu-west-1')).pathname, '/metrics/job/vpccni/cluster/main/region/eu-west-1')
})

test('cluster labels: the EKS name, else the context, alone and in any fleet; only members of one key and no account go by their context', () => {
  const labels = (members: Array<[string, null | string, string?, string?]>) =>
    clusterLabels(members.map(([context, name, region = 'us-west-2', accountId = '111122223333']) => ({accountId, context, name, region})))
  assert.equal(labels([['arn-a', 'prod'], ['arn-b', 'stage'], ['dev', null]]), ['prod', 'stage', 'dev'])
  // One name in two regions, or two accounts: the region and account labels set them apart, the name stays.
  assert.equal(labels([['use1', 'prod', 'us-east-1'], ['euw1', 'prod', 'eu-west-1'], ['x', 'stage']]), ['prod', 'prod', 'stage'])
  assert.equal(labels([['a', 'lab', 'us-west-2', '111122220000'], ['b', 'lab', 'us-west-2', '111122220001']]), ['lab', 'lab'])
  // The same key with an account (two contexts of one ARN): one cluster, its own name; its series are given once.
  assert.equal(labels([['stage', 'prod'], ['b', 'prod'], ['c', 'stage']]), ['prod', 'prod', 'stage'])
  // The same key without an account (eksctl names in two accounts): maybe two clusters, so by context.
  assert.equal(labels([['stage', 'prod', 'us-west-2', ''], ['b', 'prod', 'us-west-2', ''], ['c', 'stage', 'us-west-2', '']]), ['stage', 'b', 'c'])
  assert.equal(labels([['lab', null, 'us-west-2', ''], ['prod-a', 'lab', 'us-west-2', '']]), ['lab', 'prod-a'])
})

test('one cluster through two contexts (one key) is one set of series, not a duplicate the format forbids', () => {
  const twice = [member('a', 0), member('b', 0)].map((m) => ({...m, run: {...m.run!, label: 'lab', report: {...m.run!.report, cluster: {...m.run!.report.cluster, accountId: '111122223333'}}}}))
  const text = renderPrometheus(twice)
  assert.is(text.match(/^vpccni_doctor_up\{/gm)?.length, 1, text)
})

test('label values are escaped (backslash, quote, newline)', () => {
  assert.match(renderPrometheus([member('a "quoted" \\ name', 0)]), /^vpccni_doctor_up\{cluster="a \\"quoted\\" \\\\ name",region="us-west-2"\} 1$/m)
})

test.run()
