import type {FleetMember} from '../core/doctor/fleet.js'

/** The formats of `doctor --output`. text and json are the command's own (oclif prints the JSON document). */
export const DOCTOR_FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif', 'prometheus'] as const
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number]

/**
 * Renders the machine formats of one cluster or a fleet (every member, those that could not be read too); loaded only
 * when one is asked for. FLEET: several clusters were asked, and the markdown gives their overview first.
 */
export async function renderDoctorFormat(
  format: Exclude<DoctorFormat, 'json' | 'text'>,
  members: FleetMember[],
  options: {failOn: 'error' | 'warning'; fleet: boolean; version: string},
): Promise<string> {
  switch (format) {
    case 'junit': {
      const {renderDoctorJunit} = await import('./doctor-junit.js')
      return renderDoctorJunit(members, options.failOn)
    }

    case 'markdown': {
      if (options.fleet) return (await import('./doctor-fleet-markdown.js')).renderFleetMarkdown(members)
      const [{memberLabel, unreadReason}, {shownLabel}, {renderDoctorMarkdown, renderUnreadMarkdown}] = await Promise.all([
        import('../core/doctor/fleet.js'),
        import('../core/doctor/doctor-run.js'),
        import('./doctor-markdown.js'),
      ])
      const [member] = members
      return member.run ? renderDoctorMarkdown(member.run.report) : renderUnreadMarkdown(shownLabel(memberLabel(member)), unreadReason(member)!)
    }

    case 'prometheus': {
      const {renderPrometheus} = await import('./doctor-prometheus.js')
      return renderPrometheus(members)
    }

    case 'sarif': {
      const {renderDoctorSarif} = await import('./doctor-sarif.js')
      return renderDoctorSarif(members, options.version)
    }
  }
}
