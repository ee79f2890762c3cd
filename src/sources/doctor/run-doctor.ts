import type {DoctorRun} from '../../core/doctor/doctor-run.js'
import {examinedResources} from '../../core/doctor/examined-resources.js'
import {runChecks} from '../../core/doctor/run-checks.js'
import type {CheckSelection} from '../../core/doctor/select-checks.js'
import {subnetRunways} from '../../core/doctor/subnet-runway.js'
import type {LiveSourceFlags} from '../live-cluster-source.js'
import {withClusterSource} from '../with-cluster-source.js'
import {gatherDoctorInput} from './gather-doctor-input.js'

/** One doctor run on the cluster (or snapshot) the flags name: gather once, check, and time it for the monitoring formats. */
export async function runDoctor(
  flags: LiveSourceFlags & {'from-dir'?: string},
  selection: CheckSelection,
  progress: (step: string) => void = () => {},
): Promise<DoctorRun> {
  const started = performance.now()
  const startedAt = new Date().toISOString()
  const input = await withClusterSource(flags, (source) => gatherDoctorInput(source, startedAt, progress), 'vpccni doctor --from-dir DIR')
  const report = runChecks(input, selection)
  return {
    durationSeconds: Math.round(performance.now() - started) / 1000,
    examined: examinedResources(input, report.checked),
    overrides: selection.severity,
    report,
    runway: subnetRunways(input),
    startedAt,
  }
}
