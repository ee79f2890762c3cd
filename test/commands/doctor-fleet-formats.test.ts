import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import {cmarkGfm, githubSarifProblems, sarifValidator, xmllintJunit} from '../helpers/format-consumers.js'
import {runCommand} from '../helpers/run-command.js'
import {type FleetLab, startFleetLab} from '../lab/fleet-lab.js'

const test = suite('doctor --output for a fleet of ARN-named contexts, two of them unreadable')
let fleet: FleetLab

// As `aws eks update-kubeconfig` names contexts: every row starts with the same 30 characters.
const PROD_A = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-a'
const PROD_B = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-b'
const EU_A = 'arn:aws:eks:eu-west-1:111122223333:cluster/prod-a'
const NAMES = [PROD_A, PROD_B, EU_A, 'gone', 'refused']

const doctor = (argv: string[]) =>
  runCommand(Doctor, ['--kubeconfig', fleet.kubeconfig, '--request-timeout', '2', ...NAMES.flatMap((n) => ['--context', n]), '--only', 'CNI001,CNI004,CNI007', ...argv])

test.before(async () => {
  fleet = await startFleetLab([
    {name: PROD_A},
    {kube: {nodeSettings: [{maxPods: 110}]}, name: PROD_B},
    {name: EU_A, region: 'eu-west-1'},
    {name: 'gone', unreachable: true},
    {name: 'refused'},
  ])
  fleet.kubes.get('refused')!.faults.push({path: '/', status: 403})
})

test.after(async () => {
  await fleet.stop()
})

const rowOf = (text: string, name: string) => text.split('\n').find((line) => line.startsWith(`${name} `))

test('text: EKS ARN contexts go by their cluster names, the region added where two share one; rows differ at any width', async () => {
  const columns = process.env.COLUMNS
  try {
    for (const width of ['80', '60']) {
      process.env.COLUMNS = width
      const out = await doctor([])
      const lines = out.stdout.split('\n')
      const table = lines.slice(2, 2 + 1 + NAMES.length)
      // The summary fits any width; each cluster's report fits 80 columns (as every text view).
      const fit = width === '80' ? lines : table
      assert.ok(fit.every((l) => l.length <= Number(width)), fit.filter((l) => l.length > Number(width)).join('\n'))
      const names = table.slice(1).map((row) => row.split(/ {2,}/)[0])
      const full = ['prod-a (us-west-2)', 'prod-b', 'prod-a (eu-west-1)', 'gone', 'refused']
      if (width === '80') assert.equal(names, full)
      // Narrower, a name is cut where the rows still differ.
      else assert.equal(names.map((n, i) => full[i].startsWith(n.replace(/…$/, ''))), [true, true, true, true, true], names.join(', '))
      assert.is(new Set(names).size, NAMES.length, names.join(', '))
      assert.not.match(table.join('\n'), /arn:aws:eks/, 'no row is the ARN cut short')
      assert.match(rowOf(out.stdout, 'prod-b')!, /^prod-b +1 +0 +CNI001 NodeGroup/)
      // Each cluster's section still names the context as given to --context.
      assert.match(out.stdout, new RegExp(`\\n── ${PROD_B.replaceAll('/', '\\/')} ─+\\n`))
    }
  } finally {
    if (columns === undefined) delete process.env.COLUMNS
    else process.env.COLUMNS = columns
  }
})

test('markdown: one H1, the overview table (one row per cluster), then a section per cluster, the unread ones too', async () => {
  const out = await doctor(['--output', 'markdown'])
  const h1 = out.stdout.split('\n').filter((line) => line.startsWith('# '))
  assert.equal(h1, ['# vpccni doctor: 5 clusters, 3 read'])
  const html = (await cmarkGfm(out.stdout)).output
  const overview = /<table>([\s\S]*?)<\/table>/.exec(html)![1]
  const rows = [...overview.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]])
  assert.equal(rows, [
    ['prod-a (us-west-2)', PROD_A, '0'],
    ['prod-b', PROD_B, '1'],
    ['prod-a (eu-west-1)', EU_A, '0'],
    ['gone', 'gone', '–'],
    ['refused', 'refused', '–'],
  ])
  // A value not known is an en dash in every column (the IP runway too), as in each cluster's own tables.
  assert.not.match(overview, /<td[^>]*>-<\/td>/)
  assert.match(overview, /<td[^>]*>–<\/td>\s*<\/tr>/)
  assert.equal(out.stdout.split('\n').filter((line) => line.startsWith('## ')), ['## prod-a (us-west-2)', '## prod-b', '## prod-a (eu-west-1)', '## gone', '## refused'])
  assert.match(out.stdout, /\n## gone\n\nCould not read the cluster: kubernetes: cannot reach the API server/)
})

type SarifFleet = {
  runs: Array<{automationDetails: {id: string}; invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications: Array<{level: string; message: {text: string}}>}>; results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
}

test('sarif: a run per cluster; the unread ones are not successful executions and carry their error; locations GitHub takes', async () => {
  const out = await doctor(['--output', 'sarif'])
  const log = JSON.parse(out.stdout) as SarifFleet
  assert.equal((await sarifValidator())(log), [])
  assert.equal(githubSarifProblems(log), [])
  // Each cluster is named as alone (its EKS name), its region and account after it: the two prod-a, in two regions, and
  // gone and refused (both clusters named lab, in two accounts) are four code-scanning categories (README: --output).
  const ids = ['prod-a/us-west-2/111122223333', 'prod-b/us-west-2/111122223333', 'prod-a/eu-west-1/111122223333', 'lab/us-west-2/111122220003', 'lab/us-west-2/111122220004']
  assert.equal(log.runs.map((r) => r.automationDetails.id), ids.map((id) => `vpccni-doctor/${id}/`))
  assert.equal(log.runs.map((r) => r.invocations[0].executionSuccessful), [true, true, true, false, false])
  const gone = log.runs[3].invocations[0].toolExecutionNotifications[0]
  assert.is(gone.level, 'error')
  assert.match(gone.message.text, /^could not read the cluster: kubernetes: cannot reach the API server https:\/\/127\.0\.0\.1:1/)
  assert.match(log.runs[4].invocations[0].toolExecutionNotifications[0].message.text, /^could not read the cluster: /)
  const [uri] = log.runs[1].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)
  assert.is(uri, 'cluster/prod-b/NodeGroup/ng-general')
})

test('junit: a cluster that could not be read is an error testcase, not skipped ones; the read ones pass or fail', async () => {
  const out = await doctor(['--output', 'junit'])
  assert.is((await xmllintJunit(out.stdout)).code, 0)
  assert.match(out.stdout, /<testsuites errors="2" failures="1" /)
  // Named as in the metrics: gone and refused are clusters named lab in two accounts (their kubeconfig entries' ARNs).
  assert.match(out.stdout, /<testsuite errors="1" failures="0" name="lab \(us-west-2, 111122220003\) read the cluster" skipped="0" tests="1">\n {4}<testcase classname="vpccni\.doctor\.lab\.us-west-2\.111122220003" name="Cluster\/lab"><error message="could not read the cluster: kubernetes: cannot reach the API server/)
  assert.match(out.stdout, /<testsuite errors="1" failures="0" name="lab \(us-west-2, 111122220004\) read the cluster"/)
})

test.run()
