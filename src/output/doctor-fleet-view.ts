import {fleetLabels, type FleetMember, unreadReason, wasRead} from '../core/doctor/fleet.js'
import {PIPE_PROSE_WIDTH} from './doctor-ip-view.js'
import {renderDoctorReport} from './doctor-view.js'
import {fitLabels} from './fit-labels.js'
import {runwayOf, worstOf} from './fleet-summary.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'
import {wrapText} from './wrap-text.js'

const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text)

/** The summary's columns other than cluster and worst finding (errors, warnings, IP runway) and the four gaps. */
const FIXED_COLUMNS = 6 + 8 + 9 + 4 * 2

/**
 * A fleet for people: one line per cluster (errors, warnings, worst finding, IP runway), then each cluster's report.
 * Clusters go by names that tell them apart (fleetLabels), cut only where that keeps them apart.
 */
export function renderFleet(members: FleetMember[], style: Style, fitTo: number | undefined): string {
  // In a pipe (no width) the rows stay whole: names and worst findings uncut; prose wraps at 80.
  const width = fitTo ?? PIPE_PROSE_WIDTH
  const labels = fleetLabels(members.map((m) => m.context))
  const longest = Math.max(7, ...labels.map((l) => l.length))
  const nameWidth = fitTo === undefined ? longest : Math.min(longest, Math.max(12, Math.min(32, width - 58)))
  const names = fitLabels(labels, nameWidth)
  const worstWidth = fitTo === undefined ? Number.POSITIVE_INFINITY : Math.max(16, width - nameWidth - FIXED_COLUMNS)
  const rows = members.map((m, i) => [
    names[i],
    wasRead(m) ? m.run!.report.summary.error : '-',
    wasRead(m) ? m.run!.report.summary.warning : '-',
    clip(worstOf(m), worstWidth),
    runwayOf(m),
  ])
  const read = members.filter(wasRead).length
  const lines = [
    style.bold(`vpccni doctor: ${members.length} cluster${members.length === 1 ? '' : 's'}, ${read} read`),
    '',
    // Narrower than the numbers and a wrapped worst finding allow, the warnings go: errors and the runway say more.
    renderTable(['cluster', 'errors', 'warnings', 'worst finding', 'IP runway'], rows, style, {align: ['left', 'right', 'right', 'left', 'right'], dropOrder: [undefined, undefined, 1], width: fitTo}),
  ]
  for (const [i, member] of members.entries()) {
    // The section names the context as given to --context when it fits, else the row's name.
    const name = member.context.length <= width - 4 ? member.context : labels[i].length <= width - 4 ? labels[i] : names[i]
    lines.push('', style.bold(`── ${name} ${'─'.repeat(Math.max(0, width - name.length - 4))}`))
    const unread = unreadReason(member)
    if (unread !== undefined) lines.push(...wrapText(`could not read: ${unread}`, width, '  ', '  '))
    if (member.run) lines.push(renderDoctorReport(member.run.report, style, fitTo))
  }

  return lines.join('\n')
}
