import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport, Finding} from '../../src/core/doctor/doctor-report.js'
import {CHECK_REGISTRY} from '../../src/core/doctor/registry.js'
import {type ClusterLab, type ClusterLabSpec, startClusterLab} from '../lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, healthyCluster, prefixHealthyCluster} from '../lab/doctor-scenarios.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('doctor scenarios: the healthy cluster is silent; one planted change makes one check fire')
let lab: ClusterLab

async function doctorOn(spec: ClusterLabSpec): Promise<{exitCode: number; report: DoctorReport}> {
  await lab.rebuild(spec)
  const out = await runCommand<DoctorReport>(Doctor, [...lab.flags, '--json'])
  assertNoMutation(lab)
  return {exitCode: out.exitCode, report: JSON.parse(out.stdout) as DoctorReport}
}

const loud = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info').map((f) => `${f.id} ${f.resource.name}: ${f.message}`)

/** The check fires, and no other check says anything above info. */
async function fires(id: string): Promise<{findings: Finding[]; report: DoctorReport}> {
  const {report} = await doctorOn(DOCTOR_SCENARIOS[id]())
  const others = report.findings.filter((f) => f.id !== id)
  assert.equal(loud(others), [], `${id} scenario: other checks fired`)
  const findings = report.findings.filter((f) => f.id === id)
  assert.ok(findings.length > 0, `${id} did not fire`)
  return {findings, report}
}

const subnetOf = (index: number) => lab.scenario.subnets[index].subnetId

test.before(async () => {
  lab = await startClusterLab(healthyCluster())
})

test.after(async () => {
  await lab.stop()
})

for (const [name, spec] of [['secondary-IP', healthyCluster], ['prefix delegation', prefixHealthyCluster]] as const) {
  test(`the healthy cluster (${name}): every check runs, nothing above info, exit 0`, async () => {
    const {exitCode, report} = await doctorOn(spec())
    assert.equal(loud(report.findings), [])
    assert.equal(report.notChecked, [])
    assert.is(exitCode, 0)
    assert.equal(report.checked, CHECK_REGISTRY.map((c) => c.id))
    assert.is(report.ipSummary?.nodes.length, 6)
    assert.is(report.ipSummary?.total.assigned, 58)
  })
}

test('CNI001: the node with max-pods 110 on m5.large, whose ENIs address 29', async () => {
  const {findings} = await fires('CNI001')
  assert.is(findings.length, 1)
  assert.equal(findings[0].resource, {kind: 'NodeGroup', name: 'ng-general'})
  assert.equal([findings[0].severity, findings[0].evidence.capacityPods, findings[0].evidence.ipLimitedMaxPods, findings[0].evidence.nodeCount], ['error', 110, 29, 1])
})

test('CNI002: prefix delegation on, every node group still at its secondary-IP max-pods', async () => {
  const {findings} = await fires('CNI002')
  const byGroup = Object.fromEntries(findings.map((f) => [f.resource.name, [f.evidence.capacityPods, f.evidence.prefixMaxPods, f.evidence.nodeCount]]))
  assert.equal(byGroup, {'ng-compute': [58, 110, 3], 'ng-general': [29, 110, 2], 'ng-small': [17, 110, 1]})
  assert.ok(findings.every((f) => f.severity === 'warning'))
})

test('CNI003: the node whose third ENI is not aws-node\'s: 18 of 18 addresses assigned, one pod waiting', async () => {
  const {findings} = await fires('CNI003')
  assert.is(findings.length, 1)
  const [f] = findings
  assert.is(f.severity, 'error')
  assert.is(f.resource.kind, 'Node')
  assert.equal([f.evidence.addressesHeld, f.evidence.addressesAssigned, f.evidence.pendingWithoutAddress, f.evidence.unmanagedEnis], [18, 18, 1, 1])
})

test('CNI004: ng-general at 400 nodes outgrows both its subnets', async () => {
  const {findings} = await fires('CNI004')
  assert.equal(findings.map((f) => f.resource.name).sort(), [subnetOf(0), subnetOf(1)].sort())
  for (const f of findings) {
    assert.is(f.severity, 'warning')
    assert.ok((f.evidence.maxSizeDemand as number) > (f.evidence.freeAddresses as number))
    assert.match(String(f.evidence.maxSizeGrowth), /ng-general: 199 nodes × \d+/)
  }
})

test('CNI005: no free /28 left in the /24 although it shows free addresses', async () => {
  const {findings} = await fires('CNI005')
  assert.is(findings.length, 1)
  const [f] = findings
  assert.equal([f.resource.name, f.severity, f.evidence.blocksFree], [subnetOf(2), 'error', 0])
  assert.ok((f.evidence.prefixesOneNode as number) >= 1)
  assert.ok((f.evidence.availableIpAddressCount as number) > 100)
  // No whole /28 left: a prefix reservation could not help, so the remedy does not offer one.
  assert.not.match(f.remedy, /create-subnet-cidr-reservation/)
  assert.match(f.remedy, /add a subnet for pods/)
})

test('CNI006: the cluster subnet with 4 free addresses', async () => {
  const {findings} = await fires('CNI006')
  assert.equal(findings.map((f) => [f.resource.name, f.severity, f.evidence.availableIpAddressCount]), [[subnetOf(3), 'error', 4]])
})

test('CNI007: the leaked ENI, its 6 addresses and its age', async () => {
  const {findings} = await fires('CNI007')
  assert.equal(findings.map((f) => [f.resource.name, f.severity, f.evidence.leakedEnis, f.evidence.addressesHeld]), [[subnetOf(0), 'warning', 1, 6]])
  assert.ok((findings[0].evidence.oldestMinutes as number) > 40_000)
})

test('CNI008: 45 free on the /24 while ng-compute holds 54 idle; the suggested setting frees some', async () => {
  const {findings} = await fires('CNI008')
  assert.is(findings.length, 1)
  const [f] = findings
  assert.equal([f.resource.name, f.evidence.freeAddresses, f.evidence.idleAddresses, f.evidence.nodes], [subnetOf(2), 45, 54, 3])
  assert.match(String(f.evidence.suggestedSetting), /WARM_IP_TARGET=\d+|MINIMUM_IP_TARGET=\d+/)
  assert.ok((f.evidence.addressesFreed as number) > 0)
})

test.run()
