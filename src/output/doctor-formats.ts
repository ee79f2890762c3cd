import {type DoctorRun, runLabel} from '../core/doctor/doctor-run.js'

/** The formats of `doctor --output`. text and json are the command's own (oclif prints the JSON document). */
export const DOCTOR_FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif', 'prometheus'] as const
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number]

/** Renders the machine formats of one run or a fleet's runs; loaded only when one is asked for. */
export async function renderDoctorFormat(
  format: Exclude<DoctorFormat, 'json' | 'text'>,
  runs: DoctorRun[],
  options: {failOn: 'error' | 'warning'; unreachable: string[]; version: string},
): Promise<string> {
  switch (format) {
    case 'junit': {
      const {renderDoctorJunit} = await import('./doctor-junit.js')
      return renderDoctorJunit(runs, options.failOn)
    }

    case 'markdown': {
      const {renderDoctorMarkdown} = await import('./doctor-markdown.js')
      return runs.map((run) => renderDoctorMarkdown(run.report, runLabel(run))).join('\n')
    }

    case 'prometheus': {
      const {renderPrometheus} = await import('./doctor-prometheus.js')
      return renderPrometheus(runs, options.unreachable)
    }

    case 'sarif': {
      const {renderDoctorSarif} = await import('./doctor-sarif.js')
      return renderDoctorSarif(runs, options.version)
    }
  }
}
