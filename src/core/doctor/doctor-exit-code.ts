import {ExitCode, type ExitCodeValue} from '../../exit-codes.js'
import type {DoctorReport} from './doctor-report.js'

/**
 * 1 when an error finding remains (also a warning with `--fail-on warning`); 3 only when checks were asked for and
 * none could run (every one lacked a read); 0 otherwise.
 */
export function doctorExitCode(report: DoctorReport, failOn: 'error' | 'warning'): ExitCodeValue {
  if (report.checked.length === 0 && report.notChecked.length > 0) return ExitCode.SourceUnreachable
  const failing = failOn === 'warning' ? report.summary.error + report.summary.warning : report.summary.error
  return failing > 0 ? ExitCode.ProblemFound : ExitCode.Ok
}
