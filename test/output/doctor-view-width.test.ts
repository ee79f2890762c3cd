import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {visibleWidth} from '../../src/output/fit-columns.js'
import {renderFleet} from '../../src/output/doctor-fleet-view.js'
import {renderDoctorReport} from '../../src/output/doctor-view.js'
import {plainStyle} from '../../src/output/style.js'

const test = suite('doctor text report: every line fits the width')

const path = '.spec.template.spec.containers[name="aws-node"].env[name="AWS_VPC_K8S_CNI_EXTERNALSNAT_EXCLUDE_CIDRS"].value'
const command = `aws eks update-addon --cluster-name lab --addon-name vpc-cni --configuration-values '{"env":{"WARM_ENI_TARGET":"2","MINIMUM_IP_TARGET":"10","WARM_IP_TARGET":"5"}}' --resolve-conflicts OVERWRITE`
const report: DoctorReport = {
  checked: ['CNI012'],
  cluster: {accountId: null, cniVersion: 'v1.23.1', context: null, kubernetesVersion: '1.31', name: 'lab', region: 'us-west-2', source: 'live', takenAt: null},
  findings: [{
    docs: 'docs/checks.md#cni012', evidence: {}, id: 'CNI012', message: `${path} is 10.0.0.0/8 (release v1.23.1: (none))`,
    remedy: `keep it through the add-on instead: ${command}`, resource: {kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system'},
    severity: 'warning', title: 'aws-node changes the managed add-on will contest or restore',
  }],
  ipSummary: null,
  ipSummaryNotBuilt: null,
  notChecked: [],
  schemaVersion: 1,
  summary: {error: 0, info: 0, warning: 1},
}

test('long field paths and the remedy JSON are wrapped within 80 (and 60) columns, nothing lost', () => {
  for (const width of [80, 60]) {
    const lines = renderDoctorReport(report, plainStyle, width).split('\n')
    for (const line of lines) assert.ok(visibleWidth(line) <= width, `${visibleWidth(line)} > ${width}: ${line}`)
    const joined = lines.map((l) => l.trim()).join('')
    assert.ok(joined.includes(path.replaceAll(' ', '')), 'the path is all there')
  }
})

test('the IP summary (totals, subnets, nodes) fits 80 and 60 columns, the zone left out before numbers wrap', () => {
  const big = 1_234_567
  // A subnet holds at most a /16's addresses; a cluster's totals can be far more.
  const subnet = 65_000
  const withIps: DoctorReport = {
    ...report,
    ipSummary: {
      nodes: [{assigned: 29, free: 1, held: 30, instanceType: 'm5.large', max: 29, node: 'ip-10-0-101-23.us-west-2.compute.internal'}],
      subnets: [{assigned: subnet, availabilityZone: 'us-west-2a', availableInSubnet: 530, cidrBlock: '10.0.0.0/16', free: subnet, held: subnet, subnetId: 'subnet-0123456789abcdef0'}],
      total: {assigned: big, free: big, held: big, max: 12_345_678},
    },
  }
  for (const width of [80, 60]) {
    const lines = renderDoctorReport(withIps, plainStyle, width).split('\n')
    for (const line of lines) assert.ok(visibleWidth(line) <= width, `${visibleWidth(line)} > ${width}: ${line}`)
    const text = lines.join('\n')
    assert.match(text, /subnet-0123456789abcdef0 +(us-west-2a +)?65,000 +65,000 +65,000 +530/, 'a subnet row keeps its numbers on one line')
    assert.match(text, /12,345,678 at most/)
  }

  assert.match(renderDoctorReport(withIps, plainStyle, 80), /us-west-2a/, 'the zone is there at 80')
})

test('at 40 columns too: the headline wraps, and the tables drop the zone, then assigned and held, keeping what runs out', () => {
  const withIps: DoctorReport = {
    ...report,
    checked: Array.from({length: 23}, (_, i) => `CNI${String(i + 1).padStart(3, '0')}`),
    ipSummary: {
      nodes: [{assigned: 29, free: 1, held: 30, instanceType: 'c5.4xlarge', max: 234, node: 'ip-10-0-101-23.us-west-2.compute.internal'}],
      subnets: [{assigned: 25, availabilityZone: 'us-west-2a', availableInSubnet: 4038, cidrBlock: '10.0.0.0/16', free: 25, held: 50, subnetId: 'subnet-0123456789abcdef0'}],
      total: {assigned: 29, free: 29, held: 58, max: 274},
    },
  }
  const lines = renderDoctorReport(withIps, plainStyle, 40).split('\n')
  for (const line of lines) assert.ok(visibleWidth(line) <= 40, `${visibleWidth(line)} > 40: ${line}`)
  const text = lines.join('\n')
  assert.match(text, /subnet-0123456789abcdef0 +25 +4,038/, 'the warm pools\' free and the subnet\'s free stay')
  assert.match(text, /^ {2}ip-10-0-1…[ \d]* 1 +234$/m, 'a node keeps its free and max')
})

test('node names too long for the terminal lose their shared domain, then are cut where they still differ', () => {
  const node = (name: string) => ({assigned: 1, free: 1, held: 2, instanceType: 'm5.large', max: 29, node: `${name}.us-west-2.compute.internal`})
  const withNodes: DoctorReport = {...report, ipSummary: {nodes: ['ip-10-0-32-34', 'ip-10-0-33-12', 'ip-10-0-3-5'].map(node), subnets: [], total: {assigned: 3, free: 3, held: 6, max: 87}}}
  const rows = (width: number) => renderDoctorReport(withNodes, plainStyle, width).split('\n').filter((l) => /^ {2}ip-/.test(l)).map((l) => l.trim().split(/ +/)[0])
  assert.equal(rows(80), ['ip-10-0-32-34', 'ip-10-0-33-12', 'ip-10-0-3-5'])
  const narrow = rows(40)
  assert.is(new Set(narrow).size, 3, `three nodes, three names: ${narrow.join(', ')}`)
  for (const name of narrow) assert.ok(name.length <= 10, name)
})

test('in a pipe (no width) rows stay whole for grep and awk: node names uncut, no column left out; prose still wraps at 80', () => {
  const node = 'ip-10-0-101-23.us-west-2.compute.internal-with-a-long-suffix'
  const withIps: DoctorReport = {
    ...report,
    ipSummary: {
      nodes: [{assigned: 29, free: 1, held: 30, instanceType: 'm5.large', max: 29, node}],
      subnets: [{assigned: 25, availabilityZone: 'us-west-2a', availableInSubnet: 4038, cidrBlock: '10.0.0.0/16', free: 25, held: 50, subnetId: 'subnet-0123456789abcdef0'}],
      total: {assigned: 29, free: 29, held: 58, max: 274},
    },
  }
  const text = renderDoctorReport(withIps, plainStyle, undefined)
  assert.match(text, new RegExp(`^ {2}${node.replaceAll('.', '\\.')} +m5\\.large +30 +29 +1 +29$`, 'm'))
  assert.match(text, /^ {2}subnet-0123456789abcdef0 +us-west-2a +50 +25 +25 +4,038$/m)
  assert.not.match(text, /left out to fit/)
  for (const line of text.split('\n').filter((l) => l.startsWith('          '))) assert.ok(visibleWidth(line) <= 80, line)
})

test('a fleet\'s summary table fits 40 columns too (it was 52 wide: the table had no width)', () => {
  const error = {exitCode: 3, hint: 'check --context', message: 'kubernetes: cannot reach the API server https://127.0.0.1:9 (connection refused)'}
  const members = [{context: 'arn:aws:eks:us-west-2:111122223333:cluster/prod', error}, {context: 'gone', error}]
  for (const width of [80, 60, 40]) {
    const lines = renderFleet(members, plainStyle, width).split('\n')
    for (const line of lines) assert.ok(visibleWidth(line) <= width, `${visibleWidth(line)} > ${width}: ${line}`)
  }
})

test.run()
