import type {Severity} from '../core/doctor/check.js'
import {clusterLabel, shownLabel} from '../core/doctor/doctor-run.js'
import type {DoctorReport, Finding} from '../core/doctor/doctor-report.js'
import {noFindingsLine, notRunCount} from './doctor-headline.js'
import {PIPE_PROSE_WIDTH, renderIpSummary} from './doctor-ip-view.js'
import type {Style} from './style.js'
import {wrapText} from './wrap-text.js'

const HEADINGS: Array<[Severity, string]> = [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Info']]
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The doctor report for people: findings by severity, the IP summary, what could not be checked. Fits WIDTH columns;
 * without one (a pipe) prose wraps at 80 and table rows stay whole, node names too, for grep and awk.
 */
export function renderDoctorReport(report: DoctorReport, style: Style, fitTo: number | undefined): string {
  const width = fitTo ?? PIPE_PROSE_WIDTH
  const {cluster, summary} = report
  const where = [shownLabel(clusterLabel(cluster)), cluster.source === 'snapshot' ? `snapshot of ${cluster.takenAt}` : 'live', cluster.region].filter(Boolean)
  const versions = [cluster.kubernetesVersion && `Kubernetes ${cluster.kubernetesVersion}`, cluster.cniVersion && `VPC CNI ${cluster.cniVersion}`].filter(Boolean)
  const counts = `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info`
  const notRun = notRunCount(report)
  const partly = report.notChecked.length - notRun
  const ran = [`${plural(report.checked.length, 'check')} run`, partly > 0 && `${partly} in part`, notRun > 0 && `${notRun} could not run`].filter(Boolean).join(', ')
  const title = `vpccni doctor: ${where[0]} (${where.slice(1).join(', ')})${versions.length > 0 ? ` · ${versions.join(' · ')}` : ''}`
  const lines = [...wrapText(title, width, '  ', '').map((line) => style.bold(line)), ...wrapText(`${counts} (${ran})`, width, '  ', '')]
  const none = noFindingsLine(report)
  if (none) lines.push('', ...wrapText(none.text, width, '  ', '').map((line) => (none.ok ? style.green(line) : style.yellow(line))))
  for (const [severity, heading] of HEADINGS) {
    const findings = report.findings.filter((f) => f.severity === severity)
    if (findings.length === 0) continue
    lines.push('', style.bold(`${heading} (${findings.length})`))
    for (const finding of findings) lines.push(...renderFinding(finding, style, width))
  }

  if (report.ipSummary) lines.push('', ...renderIpSummary(report.ipSummary, style, fitTo))
  if (report.ipSummaryNotBuilt) lines.push('', style.bold('IP addresses'), ...wrapText(report.ipSummaryNotBuilt.reason, width, '    ', '  '))
  if (report.notChecked.length > 0) {
    lines.push('', style.bold('Not checked'))
    for (const entry of report.notChecked) {
      const text = `${entry.partial ? `partly (${entry.title}): ` : ''}${entry.reason}`
      lines.push(...wrapText(text, width, ' '.repeat(10), `  ${entry.id}  `))
    }
  }

  return lines.join('\n')
}

function renderFinding(finding: Finding, style: Style, width: number): string[] {
  const mark = finding.severity === 'error' ? style.red : finding.severity === 'warning' ? style.yellow : style.dim
  const resource = `${finding.resource.kind}/${finding.resource.namespace ? `${finding.resource.namespace}/` : ''}${finding.resource.name}`
  const indent = ' '.repeat(10)
  return [
    ...wrapText(`${resource} · ${finding.title}`, width, indent, `  ${mark(finding.id)}  `),
    ...wrapText(finding.message, width, indent, indent),
    ...wrapText(`fix: ${finding.remedy}`, width, indent, indent),
  ]
}
