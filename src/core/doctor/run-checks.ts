import type {CheckDefinition, CheckFinding, Severity} from './check.js'
import type {DoctorInput, DoctorReads, ReadName, ReadOutcome} from './doctor-input.js'
import type {DoctorReport, Finding, NotChecked} from './doctor-report.js'
import {summarizeIps} from './ip-summary.js'
import {CHECK_REGISTRY} from './registry.js'
import type {CheckSelection} from './select-checks.js'
import {readAwsNodeSettings} from './aws-node-settings.js'

export const CHECKS_DOC = 'docs/checks.md'

const ORDER: Record<Severity, number> = {error: 0, info: 2, warning: 1}

interface Missing {
  call: string
  permission: null | string
  what: string
}

function missingOf(name: ReadName, outcome: ReadOutcome<unknown> | undefined): Missing | undefined {
  if (outcome?.ok) return undefined
  if (!outcome) return {call: name, permission: null, what: `${name} was not read`}
  return {call: outcome.call, permission: outcome.permission, what: outcome.permission ? `needs ${outcome.permission}` : outcome.reason}
}

/** One entry per check: every call it lacked and every permission they need, each named once. */
function entryOf(check: CheckDefinition, lacking: Missing[], partial: boolean): NotChecked {
  const calls = [...new Set(lacking.map((m) => m.call))]
  const permissions = [...new Set(lacking.flatMap((m) => m.permission ?? []))]
  const whats = [...new Set(lacking.map((m) => m.what))]
  const reason = permissions.length === whats.length ? `needs ${permissions.join(', ')}` : whats.join('; ')
  return {call: calls[0], calls, id: check.id, partial, permission: permissions[0] ?? null, permissions, reason: `could not check: ${reason}`, title: check.title}
}

/**
 * Runs the selected checks over one gathered input. A check whose needed read was refused is not run and is listed
 * once in notChecked with every permission it lacks; one without an optional read runs, and is listed once as partial.
 */
export function runChecks(input: DoctorInput, selection: CheckSelection, registry: readonly CheckDefinition[] = CHECK_REGISTRY): DoctorReport {
  const selected = registry.filter((c) => (selection.only.length === 0 || selection.only.includes(c.id)) && !selection.skip.includes(c.id))
  const findings: Finding[] = []
  const notChecked: NotChecked[] = []
  const checked: string[] = []
  for (const check of selected) {
    const lacking = check.needs.flatMap((name) => missingOf(name, input.reads[name]) ?? [])
    if (lacking.length > 0) {
      notChecked.push(entryOf(check, lacking, false))
      continue
    }

    const reads: Partial<DoctorReads> = {}
    const lackingOptional: Missing[] = []
    for (const name of [...check.needs, ...(check.uses ?? [])]) {
      const outcome = input.reads[name]
      if (outcome?.ok) Object.assign(reads, {[name]: outcome.value})
      else lackingOptional.push(missingOf(name, outcome)!)
    }

    if (lackingOptional.length > 0) notChecked.push(entryOf(check, lackingOptional, true))
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
    ipSummaryNotBuilt: ipSummaryNotBuilt(input),
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

const IP_SUMMARY_READS: ReadName[] = ['nodes', 'pods', 'networkInterfaces']

/** Why the IP summary is missing, said as a check's lack is: the reads it totals that did not answer. */
function ipSummaryNotBuilt(input: DoctorInput): DoctorReport['ipSummaryNotBuilt'] {
  const lacking = IP_SUMMARY_READS.flatMap((name) => missingOf(name, input.reads[name]) ?? [])
  if (lacking.length === 0) return null
  const permissions = [...new Set(lacking.flatMap((m) => m.permission ?? []))]
  const whats = [...new Set(lacking.map((m) => m.what))]
  return {calls: [...new Set(lacking.map((m) => m.call))], permissions, reason: `could not build the IP summary: ${whats.join('; ')}`}
}

function ipSummaryOf(input: DoctorInput): DoctorReport['ipSummary'] {
  const [nodes, pods, networkInterfaces] = [valueOf(input, 'nodes'), valueOf(input, 'pods'), valueOf(input, 'networkInterfaces')]
  if (!nodes || !pods || !networkInterfaces) return null
  return summarizeIps({awsNode: valueOf(input, 'awsNode'), networkInterfaces, nodes, pods, subnets: valueOf(input, 'subnets')}, input.facts)
}
