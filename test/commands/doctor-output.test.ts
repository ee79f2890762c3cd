import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type IncomingMessage} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, healthyCluster} from '../lab/doctor-scenarios.js'
import {promtoolCheckMetrics, sarifValidator, xmllintJunit} from '../helpers/format-consumers.js'
import {assertGolden} from '../helpers/golden.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('doctor --output: markdown, junit, sarif, prometheus, each read by an independent consumer')
let lab: ClusterLab

const doctor = (argv: string[]) => runCommand<DoctorReport>(Doctor, [...lab.flags, ...argv])

/** Lines of one kind in a row (samples of one metric, rows of the subnet table) sorted: moto's random ids order them. */
function sortRuns(lines: string[]): string[] {
  const kind = (line: string) => /^(vpccni_\w+)\{/.exec(line)?.[1] ?? (line.startsWith('| subnet-') ? 'subnet-row' : undefined)
  const out: string[] = []
  for (let i = 0; i < lines.length; ) {
    let j = i + 1
    while (kind(lines[i]) && j < lines.length && kind(lines[j]) === kind(lines[i])) j++
    out.push(...lines.slice(i, j).sort())
    i = j
  }

  return out
}

/** moto's ids, times and durations change from run to run; the golden files name subnets by their scenario index. */
function stable(text: string): string {
  const subnets = new Map(lab.scenario.subnets.map((s, i) => [s.subnetId, `subnet-<${i}>`]))
  const named = text
    .replaceAll(/\bsubnet-[0-9a-f]{8,17}\b/g, (id) => subnets.get(id) ?? 'subnet-<other>')
    .replaceAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replaceAll(/(vpccni_doctor_(last_run_timestamp|duration)_seconds\{[^}]*\}) [\d.e+]+/g, '$1 <n>')
    .replaceAll(/time="[\d.]+"/g, 'time="<n>"')
    .replaceAll(/"(semanticVersion|version)": "\d+\.\d+\.\d+"/g, (m, key: string) => (m.includes('2.1.0') ? m : `"${key}": "<version>"`))
  return sortRuns(named.split('\n')).join('\n')
}

test.before(async () => {
  lab = await startClusterLab(healthyCluster())
})

test.after(async () => {
  await lab.stop()
})

const clusters = [['healthy', healthyCluster], ['failing', DOCTOR_SCENARIOS.CNI001]] as const

for (const [name, spec] of clusters) {
  test(`prometheus (${name}): promtool check metrics is clean; golden`, async () => {
    await lab.rebuild(spec())
    const out = await doctor(['--output', 'prometheus'])
    assert.is(out.exitCode, name === 'healthy' ? 0 : 1, out.stderr)
    const lint = await promtoolCheckMetrics(out.stdout)
    assert.equal(lint, {code: 0, output: ''})
    assert.match(out.stdout, /^vpccni_subnet_runway_nodes\{cluster="lab",group="ng-general",subnet="subnet-\w+"\} \d+$/m)
    assert.match(out.stdout, /^vpccni_node_max_ips\{cluster="lab",node="[^"]+"\} 27$/m)
    assertGolden(stable(out.stdout), `doctor-${name}.prom`)
    assertNoMutation(lab)
  })

  test(`junit (${name}): valid against the JUnit schema (xmllint); golden`, async () => {
    await lab.rebuild(spec())
    const out = await doctor(['--output', 'junit'])
    const lint = await xmllintJunit(out.stdout)
    assert.is(lint.code, 0, lint.output)
    assertGolden(stable(out.stdout), `doctor-${name}.junit.xml`)
  })

  test(`sarif (${name}): valid against the SARIF 2.1.0 schema (ajv); golden`, async () => {
    await lab.rebuild(spec())
    const out = await doctor(['--output', 'sarif'])
    const validate = await sarifValidator()
    const doc = JSON.parse(out.stdout) as {runs: Array<{results: unknown[]; tool: {driver: {rules: Array<{id: string}>}}}>}
    assert.equal(validate(doc), [])
    assert.is(doc.runs[0].tool.driver.rules[0].id, 'CNI001')
    assertGolden(stable(out.stdout), `doctor-${name}.sarif`)
  })

  test(`markdown (${name}): golden`, async () => {
    await lab.rebuild(spec())
    const out = await doctor(['--output', 'markdown'])
    assertGolden(stable(out.stdout), `doctor-${name}.md`)
  })
}

test('the SARIF validator can fail: a result without a message is refused', async () => {
  const validate = await sarifValidator()
  const bad = {runs: [{results: [{ruleId: 'CNI001'}], tool: {driver: {name: 'vpccni'}}}], version: '2.1.0'}
  assert.ok(validate(bad).length > 0)
  const lint = await xmllintJunit('<testsuites><testsuite name="x"/></testsuites>')
  assert.is.not(lint.code, 0, 'a testsuite without tests/failures/errors is invalid')
  assert.is.not((await promtoolCheckMetrics('vpccni_x{a="1"} 1\nvpccni_x{a="1"} 2\n')).code, 0)
})

test('junit: a warning fails its testcase only with --fail-on warning', async () => {
  await lab.rebuild(DOCTOR_SCENARIOS.CNI004())
  const plain = await doctor(['--output', 'junit'])
  assert.match(plain.stdout, /<testsuites errors="0" failures="0"/)
  assert.match(plain.stdout, /<system-out>warning CNI004 Subnet\/subnet-/)
  const strict = await doctor(['--output', 'junit', '--fail-on', 'warning'])
  assert.is(strict.exitCode, 1)
  assert.match(strict.stdout, /<testsuites errors="0" failures="2"/)
  assert.match(strict.stdout, /<failure message="[^"]+" type="warning">/)
})

test('--output json is --json', async () => {
  await lab.rebuild(DOCTOR_SCENARIOS.CNI001())
  const a = JSON.parse((await doctor(['--output', 'json'])).stdout) as DoctorReport
  const b = JSON.parse((await doctor(['--json'])).stdout) as DoctorReport
  assert.equal(a.findings, b.findings)
  assert.equal(Object.keys(a).sort(), Object.keys(b).sort())
})

test('--output-file writes atomically: the file whole, nothing on stdout, no temporary file left', async () => {
  await lab.rebuild(healthyCluster())
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-textfile-'))
  try {
    const path = join(dir, 'vpccni.prom')
    const out = await doctor(['--output', 'prometheus', '--output-file', path])
    assert.is(out.exitCode, 0, out.stderr)
    assert.is(out.stdout, '')
    assert.match(readFileSync(path, 'utf8'), /^# HELP vpccni_doctor_up /)
    assert.equal(readdirSync(dir), ['vpccni.prom'])
    const missing = await doctor(['--output', 'prometheus', '--output-file', join(dir, 'no/such/dir.prom')])
    assert.is(missing.exitCode, 2)
    assert.match(missing.stderr, /cannot write --output-file .*dir\.prom: its folder .*no\/such does not exist$/m)
    assert.ok(!existsSync(join(dir, 'no')))
  } finally {
    rmSync(dir, {force: true, recursive: true})
  }
})

test('--push-gateway PUTs the metrics to /metrics/job/vpccni/cluster/NAME, and nothing else is written', async () => {
  await lab.rebuild(healthyCluster())
  const seen: Array<{body: string; contentType?: string; method?: string; url?: string}> = []
  const gateway = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({body: Buffer.concat(chunks).toString(), contentType: req.headers['content-type'], method: req.method, url: req.url})
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => {
    gateway.listen(0, '127.0.0.1', resolve)
  })
  try {
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`
    const out = await doctor(['--push-gateway', url, '--output', 'json'])
    assert.is(out.exitCode, 0, out.stderr)
    assert.equal(seen.map((r) => [r.method, r.url]), [['PUT', '/metrics/job/vpccni/cluster/lab']])
    assert.match(seen[0].contentType ?? '', /^text\/plain; version=0\.0\.4/)
    assert.equal(await promtoolCheckMetrics(seen[0].body), {code: 0, output: ''})
    assertNoMutation(lab)
    const refused = await doctor(['--push-gateway', 'ftp://gateway'])
    assert.is(refused.exitCode, 2)
    assert.match(refused.stderr, /--push-gateway ftp:\/\/gateway: not an http\(s\) URL/)
  } finally {
    gateway.closeAllConnections()
    gateway.close()
  }
})

test('a gateway that is down: exit 3 with the URL, after the report', async () => {
  await lab.rebuild(healthyCluster())
  const out = await doctor(['--push-gateway', 'http://127.0.0.1:1', '--output', 'markdown'])
  assert.is(out.exitCode, 3)
  assert.match(out.stdout, /^# vpccni doctor: lab/)
  assert.match(out.stderr, /pushgateway:PUT http:\/\/127\.0\.0\.1:1\/metrics\/job\/vpccni\/cluster\/lab: no answer/)
})

test.run()
