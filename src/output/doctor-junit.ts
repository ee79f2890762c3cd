import type {FindingResource} from '../core/doctor/check.js'
import {explainCommand} from '../core/doctor/check-doc.js'
import type {DoctorReport, Finding} from '../core/doctor/doctor-report.js'
import {type ClusterKey, type DoctorRun, idLabel, shownLabel} from '../core/doctor/doctor-run.js'
import {countedUnder} from '../core/doctor/examined-resources.js'
import {type FleetMember, memberKey, unreadReason} from '../core/doctor/fleet.js'
import {CHECK_REGISTRY} from '../core/doctor/registry.js'
import {resourcePath} from './doctor-resource.js'

const xml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '')

const attrs = (set: Record<string, number | string>): string => Object.entries(set).map(([k, v]) => ` ${k}="${xml(String(v))}"`).join('')

interface Case {
  body: string
  errored: boolean
  failed: boolean
  name: string
  skipped: boolean
}

interface Suite {
  cases: Case[]
  classname: string
  name: string
  timestamp?: string
}

const detail = (f: Finding): string => `${f.severity} ${f.id} ${resourcePath(f.resource)}: ${f.message}\nfix: ${f.remedy}\nmore: ${explainCommand(f.id)}`

const skippedCase = (name: string, message: string): Case => ({body: `<skipped${attrs({message})}/>`, errored: false, failed: false, name, skipped: true})

/** A resource's case: failed by its failing findings (those of a node counted under its group name the node), the others as output. */
function resourceCase(name: string, findings: Finding[], fails: (f: Finding) => boolean): Case {
  const failing = findings.filter(fails)
  const others = findings.filter((f) => !fails(f))
  const body = [
    ...failing.map((f) => {
      const message = resourcePath(f.resource) === name ? f.message : `${resourcePath(f.resource)}: ${f.message}`
      return `<failure${attrs({message, type: f.severity})}>${xml(detail(f))}</failure>`
    }),
    ...(others.length > 0 ? [`<system-out>${xml(others.map(detail).join('\n\n'))}</system-out>`] : []),
  ].join('')
  return {body, errored: false, failed: failing.length > 0, name, skipped: false}
}

/**
 * The cases of one check: one per resource it looked at (passing ones too), then any resource it found that is not
 * among them; one passing case for the cluster when it looked at none. Skipped for the reads it lacked.
 */
function casesOf(run: DoctorRun, id: string, failOn: 'error' | 'warning', label: string): Case[] {
  const {examined, report} = run
  const fails = (f: Finding) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')
  const missing = report.notChecked.filter((n) => n.id === id)
  if (!report.checked.includes(id)) return missing.map((n) => skippedCase(`needs ${n.call}`, n.reason))
  const byResource = new Map<string, Finding[]>((examined.byCheck[id] ?? []).map((r: FindingResource) => [resourcePath(r), []]))
  for (const f of report.findings.filter((x) => x.id === id)) {
    const key = resourcePath(countedUnder(examined, id, f.resource))
    byResource.set(key, [...(byResource.get(key) ?? []), f])
  }

  const cases = [...byResource].map(([name, findings]) => resourceCase(name, findings, fails))
  if (cases.length === 0) cases.push({body: '', errored: false, failed: false, name: `Cluster/${shownLabel(label)}`, skipped: false})
  return [...cases, ...missing.map((n) => skippedCase(`partly: needs ${n.call}`, n.reason))]
}

/**
 * A cluster in the suites, as in its metrics (ClusterKey): its name, then its region and account when known, so that a
 * cluster's tests keep their names alone and in any fleet, and two clusters of one name in two accounts never share one.
 */
const junitLabel = ({accountId, cluster, region}: ClusterKey): string => {
  const place = [region, accountId].filter(Boolean).join(', ')
  return place ? `${shownLabel(cluster)} (${place})` : cluster
}

const classOf = ({accountId, cluster, region}: ClusterKey): string => ['vpccni.doctor', idLabel(cluster), region, accountId].filter(Boolean).join('.')

/** A suite's name: the cluster's label first, none for the cluster nothing names ("unnamed cluster read the cluster"). */
const suiteName = (label: string, what: string): string => (label ? `${label} ${what}` : what)

/** A cluster doctor could not read: an error, as CI reports a test that could not run, not a pass or a skip. */
const unreadSuite = (key: ClusterKey, reason: string, timestamp?: string): Suite => ({
  cases: [{body: `<error${attrs({message: `could not read the cluster: ${reason}`, type: 'unreadable'})}/>`, errored: true, failed: false, name: `Cluster/${shownLabel(key.cluster)}`, skipped: false}],
  classname: classOf(key),
  name: suiteName(junitLabel(key), 'read the cluster'),
  timestamp,
})

/** The testsuites of one cluster: whether it could be read, then one per check ID that ran or could not run. */
function suitesOf(member: FleetMember, failOn: 'error' | 'warning'): Suite[] {
  const {run} = member
  const key = memberKey(member)
  const label = junitLabel(key)
  const unread = unreadReason(member)
  const suites = unread === undefined ? [] : [unreadSuite(key, unread, run?.startedAt)]
  if (!run) return suites
  const report: DoctorReport = run.report
  const ids = CHECK_REGISTRY.filter((c) => report.checked.includes(c.id) || report.notChecked.some((n) => n.id === c.id))
  const checkSuite = (c: (typeof ids)[number]): Suite => ({
    cases: casesOf(run, c.id, failOn, key.cluster),
    classname: `${classOf(key)}.${c.id}`,
    name: suiteName(label, `${c.id} ${c.title}`),
    timestamp: run.startedAt,
  })
  return [...suites, ...ids.map(checkSuite)]
}

function suiteXml(suite: Suite): string[] {
  const count = (key: 'errored' | 'failed' | 'skipped') => suite.cases.filter((c) => c[key]).length
  const head = {errors: count('errored'), failures: count('failed'), name: suite.name, skipped: count('skipped'), tests: suite.cases.length}
  const lines = [`  <testsuite${attrs({...head, ...(suite.timestamp ? {timestamp: suite.timestamp} : {})})}>`]
  for (const c of suite.cases) {
    const open = `    <testcase${attrs({classname: suite.classname, name: c.name})}`
    lines.push(c.body ? `${open}>${c.body}</testcase>` : `${open}/>`)
  }

  return [...lines, '  </testsuite>']
}

/**
 * JUnit XML, so CI systems show doctor like a test run: a testsuite per check ID, a testcase per resource it looked at
 * (failed for an error finding, and for a warning with `--fail-on warning`), skipped for what could not be checked;
 * a cluster that could not be read is an error.
 */
export function renderDoctorJunit(members: FleetMember[], failOn: 'error' | 'warning'): string {
  const lines: string[] = []
  let [tests, failures, errors] = [0, 0, 0]
  for (const member of members) {
    for (const suite of suitesOf(member, failOn)) {
      lines.push(...suiteXml(suite))
      tests += suite.cases.length
      failures += suite.cases.filter((c) => c.failed).length
      errors += suite.cases.filter((c) => c.errored).length
    }
  }

  const time = Math.max(0, ...members.map((m) => m.run?.durationSeconds ?? 0)).toFixed(3)
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({errors, failures, name: 'vpccni doctor', tests, time})}>`, ...lines, '</testsuites>', ''].join('\n')
}
