import type {Severity} from '../core/doctor/check.js'
import type {DoctorReport, Finding} from '../core/doctor/doctor-report.js'
import {clusterLabel} from '../core/doctor/doctor-run.js'
import {noFindingsLine} from './doctor-headline.js'
import {resourcePath} from './doctor-resource.js'

const HEADINGS: Array<[Severity, string]> = [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Info']]

/** A table cell: pipes escaped, line breaks folded, so a message cannot break the table. */
const cell = (text: number | string): string => String(text).replaceAll('|', '\\|').replaceAll(/\s*\n\s*/g, ' ')
const num = (n: null | number): string => (n === null ? '–' : n.toLocaleString('en-US'))
const row = (cells: Array<number | string>): string => `| ${cells.map(cell).join(' | ')} |`

function findingLines(finding: Finding): string[] {
  return [
    `### ${finding.id} · ${cell(finding.title)}`,
    '',
    `**${cell(resourcePath(finding.resource))}**: ${finding.message}`,
    '',
    `- Fix: ${finding.remedy}`,
    `- Evidence: ${Object.entries(finding.evidence).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('; ') : String(v)}`).join(', ')}`,
    `- Docs: [${finding.id}](${finding.docs})`,
    '',
  ]
}

function ipLines(report: DoctorReport): string[] {
  const ip = report.ipSummary
  if (!ip) return ['## IP addresses', '', `${report.ipSummaryNotBuilt?.reason ?? 'could not build the IP summary'}.`, '']
  const lines = [
    '## IP addresses',
    '',
    `Total: ${num(ip.total.held)} held, ${num(ip.total.assigned)} assigned to pods, ${num(ip.total.free)} free in the warm pools, ${num(ip.total.max)} at most.`,
    '',
  ]
  if (ip.subnets.length > 0) {
    lines.push(row(['Subnet', 'Zone', 'CIDR', 'Held', 'Assigned', 'Free (warm)', 'Free in subnet']), '|---|---|---|--:|--:|--:|--:|')
    for (const s of ip.subnets) lines.push(row([s.subnetId, s.availabilityZone ?? '–', s.cidrBlock ?? '–', num(s.held), num(s.assigned), num(s.free), num(s.availableInSubnet)]))
    lines.push('')
  }

  if (ip.nodes.length > 0) {
    lines.push('<details><summary>Per node</summary>', '', row(['Node', 'Type', 'Held', 'Assigned', 'Free', 'Max']), '|---|---|--:|--:|--:|--:|')
    for (const n of ip.nodes) lines.push(row([n.node, n.instanceType ?? '–', num(n.held), num(n.assigned), num(n.free), num(n.max)]))
    lines.push('', '</details>', '')
  }

  return lines
}

/** The doctor report as Markdown, for a pull request or a ticket: a summary table, the findings by severity, the IP summary. */
export function renderDoctorMarkdown(report: DoctorReport, label = clusterLabel(report)): string {
  const {cluster, summary} = report
  const lines = [
    `# vpccni doctor: ${label}`,
    '',
    row(['Cluster', 'Source', 'Region', 'Kubernetes', 'VPC CNI', 'Errors', 'Warnings', 'Info', 'Checks run', 'Not checked']),
    '|---|---|---|---|---|--:|--:|--:|--:|--:|',
    row([
      label,
      cluster.source === 'snapshot' ? `snapshot of ${cluster.takenAt}` : 'live',
      cluster.region ?? '–',
      cluster.kubernetesVersion ?? '–',
      cluster.cniVersion ?? '–',
      summary.error,
      summary.warning,
      summary.info,
      report.checked.length,
      new Set(report.notChecked.map((n) => n.id)).size,
    ]),
    '',
  ]
  const none = noFindingsLine(report)
  if (none) lines.push(none.text, '')
  for (const [severity, heading] of HEADINGS) {
    const findings = report.findings.filter((f) => f.severity === severity)
    if (findings.length > 0) lines.push(`## ${heading} (${findings.length})`, '', ...findings.flatMap(findingLines))
  }

  lines.push(...ipLines(report))
  if (report.notChecked.length > 0) {
    lines.push('## Not checked', '', ...report.notChecked.map((n) => `- **${n.id}** ${n.partial ? `(partly: ${n.title}) ` : ''}${n.reason}`), '')
  }

  return lines.join('\n')
}
