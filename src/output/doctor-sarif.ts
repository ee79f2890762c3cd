import {createHash} from 'node:crypto'

import type {FindingResource, Severity} from '../core/doctor/check.js'
import {explainCommand} from '../core/doctor/check-doc.js'
import type {Finding} from '../core/doctor/doctor-report.js'
import {type DoctorRun, idLabel} from '../core/doctor/doctor-run.js'
import {type FleetMember, memberKey, unreadReason} from '../core/doctor/fleet.js'
import {CHECK_REGISTRY} from '../core/doctor/registry.js'
import {CHECK_DOCS} from '../data/check-docs.generated.js'
import {checkDocMarkdown, checkDocText} from './check-doc-view.js'
import {resourcePath} from './doctor-resource.js'

const LEVEL: Record<Severity, 'error' | 'note' | 'warning'> = {error: 'error', info: 'note', warning: 'warning'}
const INDEX = new Map(CHECK_REGISTRY.map((c, i) => [c.id, i]))

/**
 * Where a result is, as code scanning needs it: GitHub refuses a result without `physicalLocation.artifactLocation.uri`
 * ("expected a physical location") and reads only repository-relative paths (or file: URIs). A cluster resource has no
 * file, so it gets a stable pseudo path, `cluster/CLUSTER/KIND/[NAMESPACE/]NAME`, each segment percent-encoded (an EKS
 * ARN's colons would otherwise read as a URI scheme). `region.startLine` is the least a region must say (GitHub's
 * ingestion rule GH1003); the resource has no lines, so it is 1.
 */
export const resourceUri = (cluster: string, resource: FindingResource): string =>
  ['cluster', cluster, resource.kind, ...(resource.namespace ? [resource.namespace] : []), resource.name].map(encodeURIComponent).join('/')

/** The rules: one per check, graded at its default severity, its docs/checks.md section as the help code scanning shows. */
function rules() {
  return CHECK_REGISTRY.map((check) => {
    const doc = CHECK_DOCS[check.id]
    return {
      defaultConfiguration: {level: LEVEL[check.severity]},
      fullDescription: {text: doc.parts[0].text.replaceAll('**', '')},
      help: {markdown: `${checkDocMarkdown(doc)}\n\`${explainCommand(check.id)}\` prints this.\n`, text: `${checkDocText(doc)}\n\n${explainCommand(check.id)} prints this.`},
      id: check.id,
      name: check.title,
      shortDescription: {text: check.title},
    }
  })
}

/**
 * GitHub matches results across uploads by `partialFingerprints.primaryLocationLineHash` alone; with no source line to
 * hash, the result's identity (cluster, check, resource) is hashed in the same shape (hex, then `:occurrence`).
 */
const identityHash = (identity: string): string => `${createHash('sha256').update(identity).digest('hex').slice(0, 16)}:1`

function result(cluster: string, f: Finding) {
  const identity = `${cluster}/${f.id}/${resourcePath(f.resource)}`
  return {
    level: LEVEL[f.severity],
    locations: [
      {
        logicalLocations: [{fullyQualifiedName: `${cluster}/${resourcePath(f.resource)}`, kind: 'resource', name: f.resource.name}],
        physicalLocation: {artifactLocation: {uri: resourceUri(cluster, f.resource)}, region: {startLine: 1}},
      },
    ],
    message: {text: `${resourcePath(f.resource)}: ${f.message}. Fix: ${f.remedy}`},
    partialFingerprints: {primaryLocationLineHash: identityHash(identity), 'vpccniResource/v1': identity},
    properties: {cluster, evidence: f.evidence, remedy: f.remedy},
    ruleId: f.id,
    ruleIndex: INDEX.get(f.id),
  }
}

/**
 * The run's invocation. `--severity ID=LEVEL` is said as SARIF 2.1.0 says a run-time change of a rule's level (§3.20.5,
 * §3.51): an override of the rule's default configuration. A cluster that could not be read is not a successful
 * execution, and its error is a notification.
 */
function invocation(run: DoctorRun | undefined, unread: string | undefined) {
  const notChecked = (run?.report.notChecked ?? []).map((n) => ({
    associatedRule: {id: n.id, index: INDEX.get(n.id)},
    level: n.partial ? 'note' : 'warning',
    message: {text: `${n.id} ${n.partial ? 'partly ' : ''}${n.reason}`},
  }))
  const overrides = Object.entries(run?.overrides ?? {}).map(([id, level]) => ({configuration: {level: LEVEL[level]}, descriptor: {id, index: INDEX.get(id)}}))
  return {
    executionSuccessful: unread === undefined,
    ...(overrides.length > 0 ? {ruleConfigurationOverrides: overrides} : {}),
    ...(run ? {startTimeUtc: run.startedAt} : {}),
    toolExecutionNotifications: [...(unread === undefined ? [] : [{level: 'error', message: {text: `could not read the cluster: ${unread}`}}]), ...notChecked],
  }
}

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run per cluster (a fleet's unreadable ones too), one rule per check ID,
 * one result per finding, located on the Kubernetes or AWS resource (a pseudo path, and the resource as a logical location).
 */
export function renderDoctorSarif(members: FleetMember[], version: string): string {
  const driver = {name: 'vpccni', rules: rules(), semanticVersion: version, version}
  const sarifRuns = members.map((member) => {
    const {run} = member
    const {accountId, cluster: label, region} = memberKey(member)
    const cluster = idLabel(label)
    return {
      // The category code scanning keeps one analysis per: two clusters of one name in two accounts are two categories.
      automationDetails: {id: `vpccni-doctor/${[cluster, region, accountId].filter(Boolean).join('/')}/`},
      invocations: [invocation(run, unreadReason(member))],
      properties: {cluster: run?.report.cluster ?? {context: member.context || null}},
      results: (run?.report.findings ?? []).map((f) => result(cluster, f)),
      tool: {driver},
    }
  })
  const log = {$schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: sarifRuns, version: '2.1.0'}
  return `${JSON.stringify(log, null, 2)}\n`
}
