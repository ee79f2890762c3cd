import type {Severity} from '../core/doctor/check.js'
import {explainCommand} from '../core/doctor/check-doc.js'
import type {DoctorReport, Finding} from '../core/doctor/doctor-report.js'
import {clusterLabel, shownLabel} from '../core/doctor/doctor-run.js'
import {noFindingsLine} from './doctor-headline.js'
import {resourcePath} from './doctor-resource.js'
import {md} from './markdown-text.js'

const HEADINGS: Array<[Severity, string]> = [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Info']]

/** What a table cell holds for a value not known: an en dash, as Markdown tables are typeset. */
export const NOT_KNOWN = '–'

const num = (n: null | number): string => (n === null ? NOT_KNOWN : n.toLocaleString('en-US'))
/** A table row: every cell escaped (md), so a pipe, a line break or HTML in a value cannot break the table. */
export const row = (cells: Array<number | string>): string => `| ${cells.map(md).join(' | ')} |`
/** The evidence as KEY=VALUE; a null or an empty list says nothing (`suggestions=` for no suggestion), so it is left out. */
export const evidenceOf = (finding: Finding): string =>
  Object.entries(finding.evidence)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('; ') : String(v)}`)
    .join(', ')

/**
 * A finding. Every value from the cluster goes through md(); the docs pointer is the command that prints the check's
 * section, since a relative link to docs/checks.md is dead in a PR or a ticket (and docs/ is not shipped).
 */
function findingLines(finding: Finding, h: string): string[] {
  return [
    `${h} ${finding.id} · ${md(finding.title)}`,
    '',
    `**${md(resourcePath(finding.resource))}**: ${md(finding.message)}`,
    '',
    `- Fix: ${md(finding.remedy)}`,
    ...(evidenceOf(finding) ? [`- Evidence: ${md(evidenceOf(finding))}`] : []),
    `- Docs: \`${explainCommand(finding.id)}\``,
    '',
  ]
}

function ipLines(report: DoctorReport, h: string): string[] {
  const ip = report.ipSummary
  if (!ip) return [`${h} IP addresses`, '', `${md(report.ipSummaryNotBuilt?.reason ?? 'could not build the IP summary')}.`, '']
  const lines = [
    `${h} IP addresses`,
    '',
    `Total: ${num(ip.total.held)} held, ${num(ip.total.assigned)} assigned to pods, ${num(ip.total.free)} free in the warm pools, ${num(ip.total.max)} at most.`,
    '',
  ]
  if (ip.subnets.length > 0) {
    lines.push(row(['Subnet', 'Zone', 'CIDR', 'Held', 'Assigned', 'Free (warm)', 'Free in subnet']), '|---|---|---|--:|--:|--:|--:|')
    for (const s of ip.subnets) lines.push(row([s.subnetId, s.availabilityZone ?? NOT_KNOWN, s.cidrBlock ?? NOT_KNOWN, num(s.held), num(s.assigned), num(s.free), num(s.availableInSubnet)]))
    lines.push('')
  }

  if (ip.nodes.length > 0) {
    lines.push('<details><summary>Per node</summary>', '', row(['Node', 'Type', 'Held', 'Assigned', 'Free', 'Max']), '|---|---|--:|--:|--:|--:|')
    for (const n of ip.nodes) lines.push(row([n.node, n.instanceType ?? NOT_KNOWN, num(n.held), num(n.assigned), num(n.free), num(n.max)]))
    lines.push('', '</details>', '')
  }

  return lines
}

/** The line that says why a cluster could not be read. */
export const unreadNote = (reason: string): string => `Could not read the cluster: ${md(reason)}.`

/** A cluster that could not be read at all, as Markdown: its title (at DEPTH, as renderDoctorMarkdown's) and why. */
export const renderUnreadMarkdown = (label: string, reason: string, depth = 1): string =>
  [depth === 1 ? `# vpccni doctor: ${md(label)}` : `${'#'.repeat(depth)} ${md(label)}`, '', unreadNote(reason), ''].join('\n')

/**
 * The doctor report as Markdown, for a pull request or a ticket: a summary table, the findings by severity, the IP
 * summary. `depth` is the level of its title: 1 alone, 2 as one cluster's section of a fleet's report (one H1 in all);
 * `note` a line under the title (Markdown already).
 */
export function renderDoctorMarkdown(report: DoctorReport, label = shownLabel(clusterLabel(report.cluster)), {depth = 1, note}: {depth?: number; note?: string} = {}): string {
  const {cluster, summary} = report
  const h = (level: number) => '#'.repeat(depth + level)
  const lines = [
    depth === 1 ? `# vpccni doctor: ${md(label)}` : `${h(0)} ${md(label)}`,
    '',
    ...(note ? [note, ''] : []),
    row(['Cluster', 'Source', 'Region', 'Kubernetes', 'VPC CNI', 'Errors', 'Warnings', 'Info', 'Checks run', 'Not checked']),
    '|---|---|---|---|---|--:|--:|--:|--:|--:|',
    row([
      label,
      cluster.source === 'snapshot' ? `snapshot of ${cluster.takenAt}` : 'live',
      cluster.region ?? NOT_KNOWN,
      cluster.kubernetesVersion ?? NOT_KNOWN,
      cluster.cniVersion ?? NOT_KNOWN,
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
    if (findings.length > 0) lines.push(`${h(1)} ${heading} (${findings.length})`, '', ...findings.flatMap((f) => findingLines(f, h(2))))
  }

  lines.push(...ipLines(report, h(1)))
  if (report.notChecked.length > 0) {
    lines.push(`${h(1)} Not checked`, '', ...report.notChecked.map((n) => `- **${n.id}** ${n.partial ? `(partly: ${md(n.title)}) ` : ''}${md(n.reason)}`), '')
  }

  return lines.join('\n')
}
