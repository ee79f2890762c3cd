import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, healthyCluster} from '../lab/doctor-scenarios.js'
import {CHECK_DOCS} from '../../src/data/check-docs.generated.js'
import {cmarkGfm, githubSarifProblems, promtoolCheckMetrics, sarifValidator, xmllintJunit} from '../helpers/format-consumers.js'
import {assertGolden} from '../helpers/golden.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('doctor --output: markdown, junit, sarif, prometheus, each read by an independent consumer')
let lab: ClusterLab

const doctor = (argv: string[]) => runCommand<DoctorReport>(Doctor, [...lab.flags, ...argv])

/** Lines of one kind in a row (samples of one metric, rows of the subnet table, subnet testcases) sorted: moto's random ids order them. */
function sortRuns(lines: string[]): string[] {
  const kind = (line: string) =>
    /^(vpccni_\w+)\{/.exec(line)?.[1] ?? (line.startsWith('| subnet-') ? 'subnet-row' : /^ {4}<testcase [^>]*name="Subnet\/subnet-<\d>"\/>$/.test(line) ? 'subnet-case' : undefined)
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
    .replaceAll(/("primaryLocationLineHash": ")[\da-f]{16}(:1",\n\s+"vpccniResource\/v1": "[^"]*subnet-<)/g, '$1<hash>$2')
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
    assert.match(out.stdout, /^vpccni_subnet_runway_nodes\{account_id="111122223333",cluster="lab",region="us-west-2",group="ng-general",subnet="subnet-\w+"\} \d+$/m)
    assert.match(out.stdout, /^vpccni_node_max_ips\{account_id="111122223333",cluster="lab",region="us-west-2",node="[^"]+"\} 27$/m)
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
    const doc = JSON.parse(out.stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}}>}
    assert.equal(validate(doc), [])
    assert.equal(githubSarifProblems(doc), [], 'what GitHub code scanning requires beyond the schema')
    assert.is(doc.runs[0].tool.driver.rules[0].id, 'CNI001')
    // A rule's help is its check's docs/checks.md section (tested below): the golden keeps where it goes, not its words,
    // so an edit of the docs does not rewrite it.
    for (const rule of doc.runs[0].tool.driver.rules) Object.assign(rule, {fullDescription: {text: `<${rule.id}: what it means>`}, help: {markdown: `<${rule.id} section>`, text: `<${rule.id} section>`}})
    assertGolden(stable(`${JSON.stringify(doc, null, 2)}\n`), `doctor-${name}.sarif`)
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
  const logicalOnly = {locations: [{logicalLocations: [{fullyQualifiedName: 'lab/Subnet/s'}]}], message: {text: 'm'}, partialFingerprints: {a: 'b'}, ruleId: 'CNI004'}
  const arn = {...logicalOnly, locations: [{physicalLocation: {artifactLocation: {uri: 'arn:aws:eks:us-west-2:1:cluster/x'}, region: {startLine: 1}}}]}
  const problems = githubSarifProblems({runs: [{results: [logicalOnly, arn], tool: {driver: {name: 'vpccni', rules: []}}}]})
  assert.equal(problems.map((p) => p.replace(/:.*/, '')), ['runs[0].results[0]', 'runs[0].results[1]'])
  assert.match(problems[0], /expected a physical location/)
  assert.match(problems[1], /unrecognized SARIF location URI scheme "arn"/)
})

const LEVEL = {error: 'error', info: 'note', warning: 'warning'} as const
type SarifDoc = {
  runs: Array<{
    invocations: Array<Record<string, unknown>>
    results: Array<{level: string; ruleId: string}>
    tool: {driver: {rules: Array<{defaultConfiguration: {level: string}; fullDescription: {text: string}; help: {markdown: string; text: string}; id: string}>}}
  }>
}

test("sarif: each rule at the check's default level with its docs section as help; --severity is a rule configuration override", async () => {
  await lab.rebuild(DOCTOR_SCENARIOS.CNI001())
  const plain = JSON.parse((await doctor(['--output', 'sarif'])).stdout) as SarifDoc
  const {rules} = plain.runs[0].tool.driver
  for (const rule of rules) {
    assert.is(rule.defaultConfiguration.level, LEVEL[CHECK_DOCS[rule.id].severities[0]], rule.id)
    assert.ok(rule.help.markdown.startsWith(`### ${CHECK_DOCS[rule.id].heading}\n`), rule.id)
    assert.is(rule.fullDescription.text, CHECK_DOCS[rule.id].parts[0].text.replaceAll('**', ''), rule.id)
    assert.ok(rule.help.text.includes(CHECK_DOCS[rule.id].parts[3].text.replaceAll('**', '')), `${rule.id}: the remedy is in the help`)
    assert.not.match(rule.help.markdown + rule.help.text, /docs\/checks\.md#/, `${rule.id}: no relative link, dead where code scanning shows it`)
  }

  assert.is(rules.find((r) => r.id === 'CNI007')!.defaultConfiguration.level, 'warning', 'a leaked ENI is a warning unless the clean-up is off')
  assert.not.ok('ruleConfigurationOverrides' in plain.runs[0].invocations[0])
  const regraded = JSON.parse((await doctor(['--output', 'sarif', '--severity', 'CNI001=warning'])).stdout) as SarifDoc
  const [run] = regraded.runs
  assert.equal(run.invocations[0].ruleConfigurationOverrides, [{configuration: {level: 'warning'}, descriptor: {id: 'CNI001', index: 0}}])
  assert.equal(run.results.map((r) => [r.ruleId, r.level]), [['CNI001', 'warning']])
  assert.is(run.tool.driver.rules[0].defaultConfiguration.level, 'error', 'the default stays the default')
  assert.equal((await sarifValidator())(regraded), [])
})

/** The testcases of one check's testsuite: [name, failed]. */
function junitCases(xml: string, id: string): Array<[string, boolean]> {
  const suite = new RegExp(`<testsuite [^>]*name="lab \\(us-west-2, 111122223333\\) ${id} [^"]*"[^>]*>([\\s\\S]*?)</testsuite>`).exec(xml)![1]
  return [...suite.matchAll(/<testcase [^>]*name="([^"]+)"(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => [m[1], (m[3] ?? '').includes('<failure')])
}

const total = (xml: string) => Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)![1])

test('junit: a testcase per resource a check looked at, passing ones too: the count does not change with the findings', async () => {
  await lab.rebuild(healthyCluster())
  const healthy = (await doctor(['--output', 'junit'])).stdout
  const subnets = () => lab.scenario.subnets.map((s) => `Subnet/${s.subnetId}`).sort()
  assert.equal(junitCases(healthy, 'CNI004').map(([name]) => name).sort(), subnets())
  assert.equal(junitCases(healthy, 'CNI001').map(([name]) => name), ['NodeGroup/ng-general', 'NodeGroup/ng-compute', 'NodeGroup/ng-small'])
  assert.equal(junitCases(healthy, 'CNI010'), [['DaemonSet/kube-system/aws-node', false]])
  await lab.rebuild(DOCTOR_SCENARIOS.CNI004())
  const strict = (await doctor(['--output', 'junit', '--fail-on', 'warning'])).stdout
  assert.equal((await xmllintJunit(strict)).code, 0)
  const cases = junitCases(strict, 'CNI004')
  assert.equal(cases.map(([name]) => name).sort(), subnets(), 'the subnets it passed are testcases too')
  assert.equal(cases.filter(([, failed]) => failed).length, 2)
  assert.is(total(strict), total(healthy))
})

/** The reviewer's Event message: HTML, backticks, emphasis marks, a line break and raw ESC bytes (a colour escape). */
const HOSTILE = 'Failed to create pod sandbox: a | b <img src=x onerror=alert(1)> `tick` ]]> & "q"\nsecond line ** bold ** \u001B[31mred\u001B[0m add cmd: failed to assign an IP address to container'

async function plantHostileEvent(): Promise<string> {
  await lab.rebuild({...healthyCluster(), kube: {sandboxFailures: [{message: HOSTILE, namespace: 'shop', nodeName: 'NODE', podName: 'cart-6c9d7f9b8d-4k2xw'}]}})
  const node = lab.cluster.nodes[3].name
  for (const event of lab.kube.state.objects.get('events') as Array<Record<string, any>>) {
    if (event.reason === 'FailedCreatePodSandBox') Object.assign(event, {reportingInstance: node, source: {component: 'kubelet', host: node}})
  }

  return node
}

test('markdown: cluster text (HTML, backticks, emphasis, a line break, ESC bytes) shows as text in GitHub\'s renderer', async () => {
  await plantHostileEvent()
  const out = await doctor(['--output', 'markdown'])
  assert.not.match(out.stdout, /[\u0000-\u0008\u000B-\u001F\u007F]/, 'no control character reaches the document')
  const evidence = out.stdout.split('\n').filter((line) => line.includes('sample='))
  assert.is(evidence.length, 1, 'the line break does not break the list item')
  const html = await cmarkGfm(out.stdout)
  assert.is(html.code, 0, html.output)
  assert.not.match(html.output, /<img/)
  const item = /<li>Evidence: (.*sample=.*)<\/li>/.exec(html.output)
  assert.ok(item, 'the evidence is one list item')
  assert.is(
    item![1].replace(/.*sample=/, ''),
    'Failed to create pod sandbox: a | b &lt;img src=x onerror=alert(1)&gt; `tick` ]]&gt; &amp; &quot;q&quot; second line ** bold ** red add cmd: failed to assign an IP address to container',
    'shown as the event said it: no tag, no code span, no emphasis, no escape sequence',
  )
  assert.match(html.output, /<li>Docs: <code>vpccni doctor --explain CNI030<\/code><\/li>/)
})

test('junit: a node\'s finding fails the testcase of its node group, naming the node', async () => {
  const node = await plantHostileEvent()
  const xml = (await doctor(['--output', 'junit'])).stdout
  assert.equal((await xmllintJunit(xml)).code, 0)
  assert.equal(junitCases(xml, 'CNI030'), [['NodeGroup/ng-general', false], ['NodeGroup/ng-compute', true], ['NodeGroup/ng-small', false]])
  assert.match(xml, new RegExp(`<failure message="Node/${node.replaceAll('.', '\\.')}: 1 pod cannot start`))
  assert.match(xml, /more: vpccni doctor --explain CNI030<\/failure>/)
})

const samples = (text: string, name: string) => [...text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))].map((m) => [m[1], Number(m[2])])

test('prometheus: vpccni_doctor_check_not_checked has a series for every selected check: 0 ran, 0.5 in part, 1 not run', async () => {
  await lab.rebuild(healthyCluster())
  const all = (await doctor(['--output', 'prometheus'])).stdout
  const series = samples(all, 'vpccni_doctor_check_not_checked')
  assert.is(series.length, Object.keys(CHECK_DOCS).length, 'one per check')
  assert.ok(series.every(([, value]) => value === 0), 'every check ran in full')
  lab.aws.eks.addFault({kind: 'deny', operation: 'ListNodegroups'})
  lab.aws.eks.addFault({kind: 'deny', operation: 'DescribeCluster'})
  try {
    const out = (await doctor(['--output', 'prometheus', '--only', 'CNI001,CNI004,CNI006'])).stdout
    assert.equal(await promtoolCheckMetrics(out), {code: 0, output: ''})
    assert.equal(samples(out, 'vpccni_doctor_check_not_checked'), [['check="CNI001",account_id="111122223333",cluster="lab",region="us-west-2"', 0], ['check="CNI004",account_id="111122223333",cluster="lab",region="us-west-2"', 0.5], ['check="CNI006",account_id="111122223333",cluster="lab",region="us-west-2"', 1]])
    assert.match(out, /^# HELP vpccni_doctor_check_not_checked Per selected check: 0 ran, 0\.5 ran in part/m)
    assert.is(samples(out, 'vpccni_subnet_runway_nodes').length, 3, 'the runway needs no node group max size')
  } finally {
    lab.aws.eks.clearFaults()
  }
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

test.run()
