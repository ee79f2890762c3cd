import {fleetLabels, type FleetMember, unreadReason, wasRead} from '../core/doctor/fleet.js'
import {NOT_KNOWN, renderDoctorMarkdown, renderUnreadMarkdown, row, unreadNote} from './doctor-markdown.js'
import {runwayOf, worstOf} from './fleet-summary.js'

/**
 * A fleet's report as one Markdown document with one H1: the overview (one row per cluster, as the text's summary),
 * then each cluster's report as a section, under the name that tells it from the others (its context is in its table).
 */
export function renderFleetMarkdown(members: FleetMember[]): string {
  const labels = fleetLabels(members.map((m) => m.context))
  const read = members.filter(wasRead).length
  const lines = [
    `# vpccni doctor: ${members.length} cluster${members.length === 1 ? '' : 's'}, ${read} read`,
    '',
    row(['Cluster', 'Context', 'Errors', 'Warnings', 'Worst finding', 'IP runway']),
    '|---|---|--:|--:|---|--:|',
    ...members.map((m, i) => {
      const counts = wasRead(m) ? [m.run!.report.summary.error, m.run!.report.summary.warning] : [NOT_KNOWN, NOT_KNOWN]
      return row([labels[i], m.context, ...counts, worstOf(m), runwayOf(m, NOT_KNOWN)])
    }),
    '',
  ]
  for (const [i, member] of members.entries()) {
    const unread = unreadReason(member)
    const note = unread === undefined ? undefined : unreadNote(unread)
    if (member.run) lines.push(renderDoctorMarkdown(member.run.report, labels[i], {depth: 2, note}))
    else lines.push(renderUnreadMarkdown(labels[i], unread!, 2))
  }

  return lines.join('\n')
}
