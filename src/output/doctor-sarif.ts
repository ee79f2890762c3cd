import type {Severity} from '../core/doctor/check.js'
import {type DoctorRun, runLabel} from '../core/doctor/doctor-run.js'
import {CHECKS_DOC} from '../core/doctor/run-checks.js'
import {CHECK_REGISTRY} from '../core/doctor/registry.js'
import {resourcePath} from './doctor-resource.js'

const LEVEL: Record<Severity, 'error' | 'note' | 'warning'> = {error: 'error', info: 'note', warning: 'warning'}

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run per cluster, one rule per check ID (its default level, and its
 * section of docs/checks.md in the help: the project has no public URL to put in helpUri), one result per finding, located
 * on the Kubernetes or AWS resource (a logical location: there is no file).
 */
export function renderDoctorSarif(runs: DoctorRun[], version: string): string {
  const rules = CHECK_REGISTRY.map((check) => ({
    defaultConfiguration: {level: LEVEL[check.severity]},
    fullDescription: {text: `${check.title}. See ${CHECKS_DOC}#${check.docs}.`},
    help: {markdown: `[${check.id}: ${check.title}](${CHECKS_DOC}#${check.docs})`, text: `${check.title}: ${CHECKS_DOC}#${check.docs}`},
    id: check.id,
    name: check.title,
    properties: {docs: `${CHECKS_DOC}#${check.docs}`},
    shortDescription: {text: check.title},
  }))
  const index = new Map(CHECK_REGISTRY.map((c, i) => [c.id, i]))
  const sarifRuns = runs.map((run) => {
    const cluster = runLabel(run)
    return {
      automationDetails: {id: `vpccni-doctor/${cluster}/`},
      invocations: [
        {
          executionSuccessful: run.report.checked.length > 0,
          startTimeUtc: run.startedAt,
          toolExecutionNotifications: run.report.notChecked.map((n) => ({
            descriptor: {id: n.id},
            level: n.partial ? 'note' : 'warning',
            message: {text: `${n.id} ${n.partial ? 'partly ' : ''}${n.reason}`},
          })),
        },
      ],
      properties: {cluster: run.report.cluster},
      results: run.report.findings.map((f) => ({
        level: LEVEL[f.severity],
        locations: [{logicalLocations: [{fullyQualifiedName: `${cluster}/${resourcePath(f.resource)}`, kind: 'resource', name: f.resource.name}]}],
        message: {text: `${resourcePath(f.resource)}: ${f.message}. Fix: ${f.remedy}`},
        partialFingerprints: {'vpccniResource/v1': `${cluster}/${f.id}/${resourcePath(f.resource)}`},
        properties: {cluster, evidence: f.evidence, remedy: f.remedy},
        ruleId: f.id,
        ruleIndex: index.get(f.id),
      })),
      tool: {driver: {name: 'vpccni', rules, semanticVersion: version, version}},
    }
  })
  const log = {$schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: sarifRuns, version: '2.1.0'}
  return `${JSON.stringify(log, null, 2)}\n`
}
