import type {CheckDefinition, CheckFinding, Severity} from './check.js'
import type {DoctorInput, DoctorReads, ReadName, ReadOutcome} from './doctor-input.js'
import type {DoctorReport, Finding, NotChecked} from './doctor-report.js'
import {summarizeIps} from './ip-summary.js'
import {CHECK_REGISTRY} from './registry.js'
import type {CheckSelection} from './select-checks.js'
import {readAwsNodeSettings} from './aws-node-settings.js'

export const CHECKS_DOC = 'docs/checks.md'

const ORDER: Record<Severity, number> = {error: 0, info: 2, warning: 1}

type Missing = Omit<NotChecked, 'id' | 'partial' | 'title'>

function missingOf(name: ReadName, outcome: ReadOutcome<unknown> | undefined): Missing | undefined {
  if (outcome?.ok) return undefined
  if (!outcome) return {call: name, permission: null, reason: `could not check: ${name} was not read`}
  const what = outcome.permission ? `needs ${outcome.permission}` : outcome.reason
  return {call: outcome.call, permission: outcome.permission, reason: `could not check: ${what}`}
}

/**
 * Runs the selected checks over one gathered input. A check whose needed read was refused is not run and is listed
 * once in notChecked per read it lacks; one without an optional read runs, and the lack is listed as partial.
 */
export function runChecks(input: DoctorInput, selection: CheckSelection, registry: readonly CheckDefinition[] = CHECK_REGISTRY): DoctorReport {
  const selected = registry.filter((c) => (selection.only.length === 0 || selection.only.includes(c.id)) && !selection.skip.includes(c.id))
  const findings: Finding[] = []
  const notChecked: NotChecked[] = []
  const checked: string[] = []
  for (const check of selected) {
    const lacking = check.needs.flatMap((name) => missingOf(name, input.reads[name]) ?? [])
    if (lacking.length > 0) {
      notChecked.push(...lacking.map((m) => ({...m, id: check.id, partial: false, title: check.title})))
      continue
    }

    const reads: Partial<DoctorReads> = {}
    for (const name of [...check.needs, ...(check.uses ?? [])]) {
      const outcome = input.reads[name]
      if (outcome?.ok) Object.assign(reads, {[name]: outcome.value})
      else if (check.needs.includes(name) === false) notChecked.push({...missingOf(name, outcome)!, id: check.id, partial: true, title: check.title})
    }

    checked.push(check.id)
    // The runner just ensured every needed read is present; the cast only restates that.
    const raw = check.run({facts: input.facts, reads: reads as DoctorReads})
    findings.push(...raw.map((f) => toFinding(check, f, selection.severity[check.id])))
  }

  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return {
    checked,
    cluster: clusterOf(input),
    findings,
    ipSummary: ipSummaryOf(input),
    notChecked,
    schemaVersion: 1,
    summary: {
      error: findings.filter((f) => f.severity === 'error').length,
      info: findings.filter((f) => f.severity === 'info').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
    },
  }
}

function toFinding(check: CheckDefinition, raw: CheckFinding, override: Severity | undefined): Finding {
  return {
    docs: `${CHECKS_DOC}#${check.docs}`,
    evidence: raw.evidence,
    id: check.id,
    message: raw.message,
    remedy: raw.remedy,
    resource: raw.resource,
    severity: override ?? raw.severity,
    title: check.title,
  }
}

const valueOf = <K extends ReadName>(input: DoctorInput, name: K): DoctorReads[K] | undefined => {
  const outcome = input.reads[name]
  return outcome?.ok ? (outcome.value as DoctorReads[K]) : undefined
}

function clusterOf(input: DoctorInput): DoctorReport['cluster'] {
  const awsNode = valueOf(input, 'awsNode')
  const server = valueOf(input, 'serverVersion')
  const cniVersion = awsNode ? (readAwsNodeSettings(awsNode, input.facts.envDefaults).cniVersion?.text ?? null) : null
  return {...input.cluster, cniVersion, kubernetesVersion: server ? `${server.major}.${server.minor.replace(/\D+$/, '')}` : null}
}

function ipSummaryOf(input: DoctorInput): DoctorReport['ipSummary'] {
  const [nodes, pods, networkInterfaces] = [valueOf(input, 'nodes'), valueOf(input, 'pods'), valueOf(input, 'networkInterfaces')]
  if (!nodes || !pods || !networkInterfaces) return null
  return summarizeIps({awsNode: valueOf(input, 'awsNode'), networkInterfaces, nodes, pods, subnets: valueOf(input, 'subnets')}, input.facts)
}
