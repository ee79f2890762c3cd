import type {DoctorReport, Finding} from '../core/doctor/doctor-report.js'
import {type DoctorRun, runLabel} from '../core/doctor/doctor-run.js'
import {CHECK_REGISTRY} from '../core/doctor/registry.js'
import {resourcePath} from './doctor-resource.js'

const xml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '')

const attrs = (set: Record<string, number | string>): string => Object.entries(set).map(([k, v]) => ` ${k}="${xml(String(v))}"`).join('')

interface Case {
  body: string
  failed: boolean
  name: string
  skipped: boolean
}

const detail = (f: Finding): string => `${f.severity} ${f.id} ${resourcePath(f.resource)}: ${f.message}\nfix: ${f.remedy}\ndocs: ${f.docs}`

/** The cases of one check: one per resource it reported on, or one passing case for the cluster when it found nothing. */
function casesOf(report: DoctorReport, cluster: string, id: string, failOn: 'error' | 'warning'): Case[] {
  const fails = (f: Finding) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')
  const cases: Case[] = []
  const missing = report.notChecked.filter((n) => n.id === id)
  if (!report.checked.includes(id)) {
    return missing.map((n) => ({body: `<skipped${attrs({message: n.reason})}/>`, failed: false, name: `needs ${n.call}`, skipped: true}))
  }

  const byResource = new Map<string, Finding[]>()
  for (const f of report.findings.filter((x) => x.id === id)) byResource.set(resourcePath(f.resource), [...(byResource.get(resourcePath(f.resource)) ?? []), f])
  for (const [name, findings] of byResource) {
    const failing = findings.filter(fails)
    const others = findings.filter((f) => !fails(f))
    const body = [
      ...failing.map((f) => `<failure${attrs({message: f.message, type: f.severity})}>${xml(detail(f))}</failure>`),
      ...(others.length > 0 ? [`<system-out>${xml(others.map(detail).join('\n\n'))}</system-out>`] : []),
    ].join('')
    cases.push({body, failed: failing.length > 0, name, skipped: false})
  }

  if (byResource.size === 0) cases.push({body: '', failed: false, name: `Cluster/${cluster}`, skipped: false})
  for (const n of missing) cases.push({body: `<skipped${attrs({message: n.reason})}/>`, failed: false, name: `partly: needs ${n.call}`, skipped: true})
  return cases
}

/** The testsuites of one cluster: one per check ID that ran or could not run. */
function suitesOf(run: DoctorRun, failOn: 'error' | 'warning'): {failures: number; tests: number; xml: string[]} {
  const {report} = run
  const cluster = runLabel(run)
  const ids = CHECK_REGISTRY.map((c) => c.id).filter((id) => report.checked.includes(id) || report.notChecked.some((n) => n.id === id))
  let tests = 0
  let failures = 0
  const out: string[] = []
  for (const id of ids) {
    const cases = casesOf(report, cluster, id, failOn)
    const title = CHECK_REGISTRY.find((c) => c.id === id)!.title
    const failed = cases.filter((c) => c.failed).length
    tests += cases.length
    failures += failed
    const suite = {errors: 0, failures: failed, name: `${cluster} ${id} ${title}`, skipped: cases.filter((c) => c.skipped).length, tests: cases.length, timestamp: run.startedAt}
    out.push(`  <testsuite${attrs(suite)}>`)
    for (const c of cases) {
      const open = `    <testcase${attrs({classname: `vpccni.doctor.${cluster}.${id}`, name: c.name})}`
      out.push(c.body ? `${open}>${c.body}</testcase>` : `${open}/>`)
    }

    out.push('  </testsuite>')
  }

  return {failures, tests, xml: out}
}

/**
 * JUnit XML, so CI systems show doctor like a test run: a testsuite per check ID, a testcase per resource it reported on
 * (failed for an error finding, and for a warning with `--fail-on warning`), skipped for what could not be checked.
 */
export function renderDoctorJunit(runs: DoctorRun[], failOn: 'error' | 'warning'): string {
  const suites = runs.map((run) => suitesOf(run, failOn))
  const time = Math.max(0, ...runs.map((r) => r.durationSeconds)).toFixed(3)
  const totals = {errors: 0, failures: suites.reduce((n, s) => n + s.failures, 0), name: 'vpccni doctor', tests: suites.reduce((n, s) => n + s.tests, 0), time}
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs(totals)}>`, ...suites.flatMap((s) => s.xml), '</testsuites>', ''].join('\n')
}
