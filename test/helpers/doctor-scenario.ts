import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport, Finding} from '../../src/core/doctor/doctor-report.js'
import type {ClusterLab, ClusterLabSpec} from '../lab/cluster-lab.js'
import {healthyCluster} from '../lab/doctor-scenarios.js'
import {assertNoMutation} from './read-only.js'
import {runCommand} from './run-command.js'

/** The healthy lab cluster the planted-change scenarios start from (test/lab/doctor-scenarios.ts), its add-on ACTIVE with an IRSA role. */
export const healthy = (): ClusterLabSpec => healthyCluster()

/** `vpccni doctor --json` on the lab as it is now; asserts that nothing was written. */
export async function doctorOn(lab: ClusterLab, argv: string[] = []): Promise<{doc: DoctorReport; exitCode: number; stderr: string}> {
  const out = await runCommand<DoctorReport>(Doctor, [...argv, ...lab.flags, '--json'])
  assertNoMutation(lab)
  assert.ok(out.stdout.startsWith('{'), out.stderr)
  return {doc: JSON.parse(out.stdout) as DoctorReport, exitCode: out.exitCode, stderr: out.stderr}
}

const aboveInfo = (doc: DoctorReport): Finding[] => doc.findings.filter((f) => f.severity !== 'info')

/** The planted change fired ID (and only ID rose above info); returns ID's findings above info. */
export function onlyFires(doc: DoctorReport, id: string): Finding[] {
  const loud = aboveInfo(doc)
  const others = loud.filter((f) => f.id !== id)
  assert.equal(others.map((f) => `${f.id} ${f.message}`), [], `only ${id} may go above info`)
  const mine = loud.filter((f) => f.id === id)
  assert.ok(mine.length > 0, `${id} did not fire: ${JSON.stringify(doc.findings.map((f) => f.id))} notChecked ${JSON.stringify(doc.notChecked)}`)
  return mine
}

/** No finding above info: what a healthy cluster gives. */
export function silent(doc: DoctorReport): void {
  assert.equal(aboveInfo(doc).map((f) => `${f.id} ${f.message}`), [])
}
