import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import Snapshot from '../../src/commands/snapshot.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, strictPolicyCluster} from '../lab/doctor-scenarios.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni snapshot captures what doctor reads; doctor --from-dir finds what doctor live finds')
let lab: ClusterLab
let work: string

test.before(async () => {
  // Several problems at once: an ENI not aws-node's with a pod waiting (CNI003) and a leaked ENI (CNI007).
  const spec = DOCTOR_SCENARIOS.CNI003()
  spec.ec2!.looseEnis = DOCTOR_SCENARIOS.CNI007().ec2!.looseEnis
  lab = await startClusterLab(spec)
  work = mkdtempSync(join(tmpdir(), 'vpccni-doctor-from-dir-'))
})

test.after(async () => {
  await lab.stop()
  rmSync(work, {force: true, recursive: true})
})

const comparable = (report: DoctorReport) => {
  const {cluster: _cluster, ...rest} = report
  return rest
}

test('same findings, IP summary, checks run and not checked; the snapshot named as the source', async () => {
  const live = await runCommand<DoctorReport>(Doctor, [...lab.flags, '--json'])
  assert.is(live.exitCode, 1, live.stderr)
  const taken = await runCommand(Snapshot, ['-o', join(work, 'snap'), ...lab.flags])
  assert.is(taken.exitCode, 0, taken.stderr)
  assertNoMutation(lab)
  const requests = lab.kube.requests.length + lab.aws.ec2Requests().length + lab.aws.eks.requests.length
  const offline = await runCommand<DoctorReport>(Doctor, ['--from-dir', join(work, 'snap'), '--json'])
  assert.is(offline.exitCode, 1, offline.stderr)
  assert.is(lab.kube.requests.length + lab.aws.ec2Requests().length + lab.aws.eks.requests.length, requests, 'no request with --from-dir')
  const [a, b] = [JSON.parse(live.stdout) as DoctorReport, JSON.parse(offline.stdout) as DoctorReport]
  assert.equal(a.findings.map((f) => f.id).sort(), ['CNI003', 'CNI007'])
  assert.equal(comparable(b), comparable(a))
  assert.equal([b.cluster.source, a.cluster.source], ['snapshot', 'live'])
  assert.equal([b.cluster.kubernetesVersion, b.cluster.cniVersion], [a.cluster.kubernetesVersion, a.cluster.cniVersion])
})

test('strict network policy mode: pod labels and policy selectors are in the snapshot, so CNI023 finds the same pod no policy selects', async () => {
  await lab.rebuild(strictPolicyCluster())
  const canary = (lab.kube.state.objects.get('pods') as Array<Record<string, any>>).find((p) => p.metadata.labels.app === 'cart')!
  canary.metadata.labels = {app: 'cart-canary'}
  const live = await runCommand<DoctorReport>(Doctor, [...lab.flags, '--json', '--only', 'CNI023'])
  const taken = await runCommand(Snapshot, ['-o', join(work, 'strict'), ...lab.flags])
  assert.is(taken.exitCode, 0, taken.stderr)
  const offline = await runCommand<DoctorReport>(Doctor, ['--from-dir', join(work, 'strict'), '--json', '--only', 'CNI023'])
  const [a, b] = [JSON.parse(live.stdout) as DoctorReport, JSON.parse(offline.stdout) as DoctorReport]
  assert.equal(a.findings.map((f) => [f.id, f.evidence.pods]), [['CNI023', [`shop/${canary.metadata.name}`]]])
  assert.equal(comparable(b), comparable(a))
})

test.run()
