import {type FleetMember, wasRead} from '../core/doctor/fleet.js'
import {renderDoctorReport} from './doctor-view.js'
import {resourcePath} from './doctor-resource.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'
import {wrapText} from './wrap-text.js'

const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text)

/** The subnet with the fewest nodes of runway: "5 nodes". */
function runwayOf(member: FleetMember): string {
  const runway = member.run?.runway ?? []
  if (runway.length === 0) return '-'
  const least = Math.min(...runway.map((r) => r.runwayNodes))
  return `${least} node${least === 1 ? '' : 's'}`
}

function worstOf(member: FleetMember): string {
  if (!wasRead(member)) return 'could not read'
  const worst = member.run!.report.findings[0]
  return worst ? `${worst.id} ${resourcePath(worst.resource)}` : 'none'
}

/** A fleet for people: one line per cluster (errors, warnings, worst finding, IP runway), then each cluster's report. */
export function renderFleet(members: FleetMember[], style: Style, width: number): string {
  const nameWidth = Math.max(12, Math.min(32, width - 58))
  const worstWidth = Math.max(16, width - nameWidth - 30)
  const rows = members.map((m) => [
    clip(m.context, nameWidth),
    wasRead(m) ? m.run!.report.summary.error : '-',
    wasRead(m) ? m.run!.report.summary.warning : '-',
    clip(worstOf(m), worstWidth),
    runwayOf(m),
  ])
  const read = members.filter(wasRead).length
  const lines = [
    style.bold(`vpccni doctor: ${members.length} cluster${members.length === 1 ? '' : 's'}, ${read} read`),
    '',
    renderTable(['cluster', 'errors', 'warnings', 'worst finding', 'IP runway'], rows, style, {align: ['left', 'right', 'right', 'left', 'right']}),
  ]
  for (const member of members) {
    lines.push('', style.bold(`── ${member.context} ${'─'.repeat(Math.max(0, width - member.context.length - 4))}`.slice(0, width)))
    if (member.error) {
      lines.push(...wrapText(`could not read: ${member.error.message}${member.error.hint ? ` (${member.error.hint})` : ''}`, width, '  ', '  '))
    } else {
      const {report} = member.run!
      if (!wasRead(member)) lines.push(...wrapText(`could not read: ${report.notChecked[0]?.reason.replace(/^could not check: /, '') ?? 'no check could run'}`, width, '  ', '  '))
      lines.push(renderDoctorReport(report, style, width))
    }
  }

  return lines.join('\n')
}
