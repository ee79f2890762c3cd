import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {runBinaryAsync} from '../helpers/run-binary.js'
import {type HungServer, startHungServer} from '../lab/hung-server.js'

/*
 * Issue 12, item 9: against an endpoint that accepts and never answers, --request-timeout bounds the whole wait
 * (retries included) and the process exits as soon as the error is printed. Start-up (the SDK, client-node) is
 * allowed START_UP_MS on a busy 2-core machine; what follows the error line must be nearly nothing.
 */
const TIMEOUT_S = 2
const START_UP_MS = 3500
const AFTER_ERROR_MS = 500

const test = suite('a hung endpoint: bounded by --request-timeout, exit at once')
let hung: HungServer
let dir: string
let env: Record<string, string>

test.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vpccni-hung-'))
  hung = await startHungServer(dir)
  const endpoint = hung.url.replace('https:', 'http:')
  env = {
    AWS_ACCESS_KEY_ID: 'AKIDLAB', AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL_EC2: endpoint, AWS_ENDPOINT_URL_EKS: endpoint,
    AWS_PROFILE: '', AWS_REGION: 'us-west-2', AWS_SECRET_ACCESS_KEY: 'lab-secret', KUBECONFIG: hung.kubeconfig,
  }
})

test.after(async () => {
  await hung.stop()
  rmSync(dir, {force: true, recursive: true})
})

/** `rounds`: calls that wait on others' answers; a snapshot asks twice (the cluster, then what it names). */
const cases: Array<{args: string[]; call: RegExp; rounds?: number}> = [
  {args: ['compat'], call: /^error: kubernetes:\w+: https:\/\/127\.0\.0\.1:\d+ gave no answer within 2 s/},
  {args: ['diff'], call: /^error: kubernetes:readAwsNode: .* gave no answer within 2 s/},
  {args: ['upgrade-plan'], call: /^error: kubernetes:\w+: .* gave no answer within 2 s/},
  {args: ['snapshot', '-o', 'SNAP'], call: /^error: snapshot: nothing could be read .*no answer within 2 s/, rounds: 2},
  {args: ['compat', '--kubernetes-version', '1.31', '--cluster', 'hung'], call: /^error: kubernetes:readAwsNode: .* gave no answer within 2 s/},
  {args: ['max-pods', 'm5.large', '--source', 'ec2'], call: /^error: ec2:DescribeInstanceTypes: no answer within 2 s, the SDK's retries included/},
  {args: ['warm-targets', '--instance-type', 'm5.large', '--pods', '10', '--subnet', 'subnet-0123456789abcdef0'], call: /^error: ec2:DescribeSubnets: no answer within 2 s/},
  // Kubernetes and EKS asked together; nothing answered, so nothing is checked: one line, never a report of checks not run.
  {args: ['doctor'], call: /^error: kubernetes:readServerVersion: .* gave no answer within 2 s.*or, without a cluster: vpccni doctor --from-dir DIR/},
]

for (const {args, call, rounds = 1} of cases) {
  test(`${args.join(' ')} --request-timeout ${TIMEOUT_S}: exit 3 within the timeout, at once after the error`, async () => {
    const argv = args.map((a) => (a === 'SNAP' ? join(dir, `snap-${Math.random().toString(36).slice(2)}`) : a))
    const out = await runBinaryAsync([...argv, '--request-timeout', String(TIMEOUT_S)], {env})
    assert.is(out.exitCode, 3, out.stderr)
    assert.is(out.stdout, '', 'the error alone: no report, no headline')
    assert.match(out.stderr, call)
    assert.is(out.stderr.trimEnd().split('\n').length, 1, out.stderr)
    assert.ok(out.exitedAtMs! < rounds * TIMEOUT_S * 1000 + START_UP_MS, `exited after ${Math.round(out.exitedAtMs!)} ms`)
    const lingered = out.exitedAtMs! - out.stderrAtMs!
    assert.ok(lingered < AFTER_ERROR_MS, `exited ${Math.round(lingered)} ms after printing the error`)
  })
}

test(`doctor --output prometheus --request-timeout ${TIMEOUT_S}: the one error line, and vpccni_doctor_up 0 for the monitoring`, async () => {
  const out = await runBinaryAsync(['doctor', '--output', 'prometheus', '--request-timeout', String(TIMEOUT_S)], {env})
  assert.is(out.exitCode, 3, out.stderr)
  assert.match(out.stderr, /^error: kubernetes:readServerVersion: .* gave no answer within 2 s/)
  assert.is(out.stderr.trimEnd().split('\n').length, 1, out.stderr)
  // Named and placed as its report would be (the context's ARN), so the Pushgateway group it replaces is the same.
  assert.match(out.stdout, /^vpccni_doctor_up\{account_id="111122223333",cluster="hung",region="us-west-2"\} 0$/m)
  assert.ok(out.exitedAtMs! < TIMEOUT_S * 1000 + START_UP_MS, `exited after ${Math.round(out.exitedAtMs!)} ms`)
})

test('doctor --output sarif|junit|markdown: the cluster that could not be read, with the error, for CI', async () => {
  const run = (output: string) => runBinaryAsync(['doctor', '--output', output, '--request-timeout', String(TIMEOUT_S)], {env})
  const [sarif, junit, markdown] = await Promise.all([run('sarif'), run('junit'), run('markdown')])
  for (const out of [sarif, junit, markdown]) assert.is(out.exitCode, 3, out.stderr)
  const log = JSON.parse(sarif.stdout) as {runs: Array<{invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications: Array<{message: {text: string}}>}>; properties: {cluster: {context: string}}}>}
  assert.is(log.runs[0].invocations[0].executionSuccessful, false)
  assert.is(log.runs[0].properties.cluster.context, 'arn:aws:eks:us-west-2:111122223333:cluster/hung', 'its context, not its label')
  assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /^could not read the cluster: kubernetes:readServerVersion: .* gave no answer within 2 s/)
  assert.match(junit.stdout, /<testsuites errors="1" failures="0" /)
  assert.match(markdown.stdout, /^# vpccni doctor: hung\n\nCould not read the cluster: kubernetes:readServerVersion: /)
})

test('doctor with no kubeconfig and no --cluster: nothing names the cluster, so its metrics have no cluster label, not an invented one', async () => {
  const none = {...env, KUBECONFIG: join(dir, 'no-such-kubeconfig')}
  const run = (output: string) => runBinaryAsync(['doctor', '--output', output], {env: none})
  const [prometheus, markdown, junit, sarif] = await Promise.all([run('prometheus'), run('markdown'), run('junit'), run('sarif')])
  for (const out of [prometheus, markdown, junit, sarif]) assert.is(out.exitCode, 3, out.stderr)
  // An empty label is an absent one to Prometheus: the scrape's or the Pushgateway's own labels say which cluster it was.
  assert.match(prometheus.stdout, /^vpccni_doctor_up 0$/m)
  assert.not.match(prometheus.stdout, /cluster=/)
  assert.match(markdown.stdout, /^# vpccni doctor: unnamed cluster\n/)
  // Where a name is an identifier, one word; a suite name has no label rather than "unnamed cluster read the cluster".
  assert.match(junit.stdout, /<testsuite errors="1" failures="0" name="read the cluster" [^>]*>\n {4}<testcase classname="vpccni\.doctor\.unnamed" /)
  const [sarifRun] = (JSON.parse(sarif.stdout) as {runs: Array<{automationDetails: {id: string}; properties: {cluster: {context: null | string}}}>}).runs
  assert.is(sarifRun.automationDetails.id, 'vpccni-doctor/unnamed/')
  assert.equal(sarifRun.properties.cluster, {context: null}, 'no context, as in --json: not an empty string')
})

test.run()
