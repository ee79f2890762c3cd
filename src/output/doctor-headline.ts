import type {DoctorReport} from '../core/doctor/doctor-report.js'
import {CHECK_REGISTRY} from '../core/doctor/registry.js'

/** Checks that did not run at all (a partial check ran, and counts as run). */
export const notRunCount = (report: DoctorReport): number => report.notChecked.filter((n) => !n.partial).length

/**
 * The line under the counts when nothing was found. It never says "nothing wrong" while checks could not run:
 * a report with nothing checked is not a clean bill of health. `ok` tells the caller which colour it is.
 */
export function noFindingsLine(report: DoctorReport): {ok: boolean; text: string} | undefined {
  if (report.findings.length > 0) return undefined
  const notRun = notRunCount(report)
  const run = report.checked.length + notRun
  // With --only or --skip, the checks left out may well find something: the clean bill is only for those run.
  if (notRun === 0 && run < CHECK_REGISTRY.length) return {ok: true, text: `No findings in the ${run} of ${CHECK_REGISTRY.length} checks selected to run.`}
  if (notRun === 0) return {ok: true, text: 'No findings: nothing wrong with the VPC CNI was found.'}
  return {ok: false, text: `No findings, but ${notRun} of ${run} checks could not run: see Not checked.`}
}
