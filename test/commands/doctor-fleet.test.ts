import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parse, stringify} from 'yaml'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {type FleetLab, startFleetLab} from '../lab/fleet-lab.js'
import {startRecordingGateway} from '../lab/recording-gateway.js'
import {promtoolCheckMetrics} from '../helpers/format-consumers.js'
import {runBinaryAsync} from '../helpers/run-binary.js'
import {runCommand} from '../helpers/run-command.js'
import {LAB_TOKEN} from '../lab/kubeconfig.js'

const test = suite('doctor across a fleet: several contexts, concurrently, each its own row')
let fleet: FleetLab

type Member = DoctorReport & {error?: {exitCode: number; message: string}}
const NAMES = ['prod-a', 'prod-b-failing', 'slow', 'refused', 'gone', 'eu']

const doctor = (argv: string[]) => runCommand<{clusters: Member[]}>(Doctor, ['--kubeconfig', fleet.kubeconfig, '--request-timeout', '2', ...argv])
const contexts = (names: string[]) => names.flatMap((n) => ['--context', n])

test.before(async () => {
  fleet = await startFleetLab([
    {name: 'prod-a'},
    {kube: {nodeSettings: [{maxPods: 110}]}, name: 'prod-b-failing'},
    {name: 'slow'},
    {name: 'refused'},
    {name: 'gone', unreachable: true},
    {name: 'eu', region: 'eu-west-1'},
  ])
  // Slower than --request-timeout on every list: the reads time out, the others are not held up.
  fleet.kubes.get('slow')!.faults.push({delayMs: 3000, path: '/api/v1/nodes'})
  fleet.kubes.get('refused')!.faults.push({path: '/', status: 403})
})

test.after(async () => {
  await fleet.stop()
})

test('JSON: one doctor document per context in order; unreadable clusters have their own entry; exit 1', async () => {
  const out = await doctor([...contexts(NAMES), '--json', '--only', 'CNI001,CNI003,CNI007'])
  assert.is(out.exitCode, 1, out.stderr)
  const doc = JSON.parse(out.stdout) as {clusters: Member[]; schemaVersion: number}
  assert.is(doc.schemaVersion, 1)
  assert.equal(doc.clusters.map((c) => c.cluster.context), NAMES)
  const [a, failing, slow, refused, gone, eu] = doc.clusters
  assert.equal([a.summary.error, a.checked], [0, ['CNI001', 'CNI003', 'CNI007']])
  assert.equal(failing.findings.map((f) => [f.id, f.resource.name]), [['CNI001', 'ng-general']])
  assert.ok(slow.notChecked.some((n) => n.call === 'kubernetes:listNodes' && /no answer within 2 s/.test(n.reason)), JSON.stringify(slow.notChecked))
  assert.equal(refused.checked, ['CNI007'], 'the EC2-only check still runs')
  assert.ok(refused.notChecked.some((n) => n.id === 'CNI001' && n.permissions.includes('list nodes')), JSON.stringify(refused.notChecked))
  // An API server out of reach is the cluster not read (its own error entry), not a report of the few EC2 checks.
  assert.is(gone.error?.exitCode, 3)
  assert.match(gone.error!.message, /^kubernetes: cannot reach the API server https:\/\/127\.0\.0\.1:1/)
  assert.equal([gone.checked, gone.findings], [[], []])
  assert.is(eu.cluster.region, 'eu-west-1', 'the region comes from the context ARN, not AWS_REGION')
  assert.is(a.cluster.region, 'us-west-2')
  for (const kube of fleet.kubes.values()) assert.equal(kube.writes, [])
})

test('one context alone takes its region from its ARN as in a fleet, not from AWS_REGION', async () => {
  assert.is(process.env.AWS_REGION, 'us-west-2')
  const out = await doctor(['--context', 'eu', '--json', '--only', 'CNI007'])
  assert.is(out.exitCode, 0, out.stderr)
  assert.is((JSON.parse(out.stdout) as Member).cluster.region, 'eu-west-1')
})

test('text: one line per cluster within 80 columns, then each cluster\'s findings', async () => {
  const out = await doctor([...contexts(['prod-a', 'prod-b-failing', 'gone'])])
  assert.is(out.exitCode, 1, out.stderr)
  const lines = out.stdout.split('\n')
  assert.ok(lines.every((l) => l.length <= 80), lines.filter((l) => l.length > 80).join('\n'))
  assert.match(out.stdout, /^vpccni doctor: 3 clusters, 2 read\n/)
  assert.match(out.stdout, /\nprod-a +0 +0 +none +\d+ nodes\n/)
  assert.match(out.stdout, /\nprod-b-failing +1 +0 +CNI001 NodeGroup\/ng-general +\d+ nodes\n/)
  assert.match(out.stdout, /\ngone +- +- +could not read +-\n/)
  assert.match(out.stdout, /── prod-b-failing ─+\nvpccni doctor: lab /)
  assert.match(out.stdout, /── gone ─+\n {2}could not read: /)
})

test('exit 3 only when every cluster failed to be read; --all-contexts takes every context', async () => {
  const none = await doctor([...contexts(['gone', 'refused']), '--json'])
  assert.is(none.exitCode, 3, none.stdout)
  const healthy = await doctor([...contexts(['prod-a', 'eu']), '--json', '--only', 'CNI001'])
  assert.is(healthy.exitCode, 0, healthy.stdout)
  const all = await doctor(['--all-contexts', '--json', '--only', 'CNI001', '--concurrency', '6'])
  assert.equal((JSON.parse(all.stdout) as {clusters: Member[]}).clusters.map((c) => c.cluster.context), NAMES)
})

test('prometheus for a fleet: one exposition, clusters of one EKS name set apart by account, promtool clean, vpccni_doctor_up 0 for the unread', async () => {
  const out = await doctor([...contexts(['prod-a', 'prod-b-failing', 'gone']), '--output', 'prometheus'])
  assert.equal(await promtoolCheckMetrics(out.stdout), {code: 0, output: ''})
  assert.match(out.stdout, /^vpccni_doctor_up\{account_id="111122220000",cluster="lab",region="us-west-2"\} 1$/m)
  assert.match(out.stdout, /^vpccni_doctor_up\{account_id="111122220004",cluster="lab",region="us-west-2"\} 0$/m)
  assert.match(out.stdout, /^vpccni_doctor_findings\{check="CNI001",account_id="111122220001",cluster="lab",region="us-west-2",severity="error"\} 1$/m)
})

test('bad fleet input: an unknown context (did-you-mean), --from-dir or --cluster with several contexts: exit 2', async () => {
  const unknown = await doctor(contexts(['prod-a', 'prod-c']))
  assert.is(unknown.exitCode, 2)
  assert.match(unknown.stderr, /kubeconfig has no context "prod-c"/)
  assert.match(unknown.stderr, /did you mean prod-a/)
  assert.is((await doctor([...contexts(['prod-a', 'eu']), '--from-dir', '/tmp'])).exitCode, 2)
  assert.is((await doctor([...contexts(['prod-a', 'eu']), '--cluster', 'lab'])).exitCode, 2)
  const both = await doctor(['--all-contexts', '--context', 'prod-a'])
  assert.is(both.exitCode, 2, 'the --context would be ignored')
  assert.match(both.stderr, /^error: --context=prod-a cannot also be provided when using --all-contexts; see vpccni doctor --help\n$/)
})

test('one failed push does not stop the others: every cluster is pushed, then one error line naming each, exit 3', async () => {
  const gateway = await startRecordingGateway(() => ({body: 'pushed metrics are invalid or inconsistent\n', status: 400}))
  try {
    const out = await doctor([...contexts(['prod-a', 'eu', 'gone']), '--only', 'CNI001', '--push-gateway', gateway.url])
    assert.is(out.exitCode, 3, out.stderr)
    assert.match(out.stdout, /^vpccni doctor: 3 clusters, 2 read\n/, 'the report is written first')
    // All three are clusters named lab (the fleet lab's ARNs): each its own group by region and account.
    const groups = ['region/eu-west-1/account_id/111122220005', 'region/us-west-2/account_id/111122220000', 'region/us-west-2/account_id/111122220004']
    assert.equal(gateway.requests.map((r) => `${r.method} ${r.url}`).sort(), groups.map((g) => `PUT /metrics/job/vpccni/cluster/lab/${g}`))
    const line = `error: pushgateway:PUT ${gateway.url}/metrics/job/vpccni: 3 of 3 pushes failed: cluster prod-a, eu, gone: HTTP 400: pushed metrics are invalid or inconsistent\n`
    assert.is(out.stderr, line)
  } finally {
    await gateway.stop()
  }
})

test('a cluster has one name alone and in any fleet (its EKS name, else its context), its region and account beside it', async () => {
  // prod-a's cluster is `lab`; gone's ARN names `other` (nothing answers there, but its ARN still names it).
  const config = parse(readFileSync(fleet.kubeconfig, 'utf8')) as {clusters: Array<{name: string}>; contexts: Array<{context: {cluster: string}; name: string}>}
  const gone = config.contexts.find((c) => c.name === 'gone')!
  const other = 'arn:aws:eks:us-west-2:111122220009:cluster/other'
  config.clusters.find((c) => c.name === gone.context.cluster)!.name = other
  gone.context.cluster = other
  const kubeconfig = join(fleet.base.kube.dir, 'fleet-named-kubeconfig')
  writeFileSync(kubeconfig, stringify(config))
  const gateway = await startRecordingGateway()
  try {
    const run = (argv: string[]) => runCommand(Doctor, ['--kubeconfig', kubeconfig, '--request-timeout', '2', '--only', 'CNI001', '--push-gateway', gateway.url, '--output', 'prometheus', ...argv])
    const alone = await run(['--context', 'prod-a'])
    assert.is(alone.exitCode, 0, alone.stderr)
    const labA = 'account_id="111122220000",cluster="lab",region="us-west-2"'
    assert.match(alone.stdout, new RegExp(`^vpccni_doctor_up\\{${labA}\\} 1$`, 'm'))
    const both = await run(contexts(['prod-a', 'gone']))
    assert.match(both.stdout, new RegExp(`^vpccni_doctor_up\\{${labA}\\} 1$`, 'm'))
    assert.match(both.stdout, /^vpccni_doctor_up\{account_id="111122220009",cluster="other",region="us-west-2"\} 0$/m)
    assert.not.match(both.stdout, /cluster="(prod-a|gone)"/)
    const group = (name: string, account: string) => `/metrics/job/vpccni/cluster/${name}/region/us-west-2/account_id/${account}`
    assert.equal(gateway.requests.map((r) => r.url), [group('lab', '111122220000'), group('lab', '111122220000'), group('other', '111122220009')])
    // prod-a and eu are both `lab`, in two accounts and regions: the same name as alone, set apart by those labels.
    const shared = await run(contexts(['prod-a', 'eu']))
    assert.match(shared.stdout, new RegExp(`^vpccni_doctor_up\\{${labA}\\} 1$`, 'm'))
    assert.match(shared.stdout, /^vpccni_doctor_up\{account_id="111122220005",cluster="lab",region="eu-west-1"\} 1$/m)
    assert.not.match(shared.stdout, /cluster="(prod-a|eu)"/)
    assert.equal(await promtoolCheckMetrics(shared.stdout), {code: 0, output: ''})
  } finally {
    await gateway.stop()
  }
})

test('keys in the environment and a kubeconfig AWS_PROFILE: the SDK\'s nine-line warning is one line of ours, once', async () => {
  // As `aws eks update-kubeconfig --profile lab` writes it: an exec user whose env names the profile.
  const dir = join(fleet.base.kube.dir, 'profile-fleet')
  mkdirSync(dir, {recursive: true})
  const credential = JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: {token: LAB_TOKEN}})
  const config = parse(readFileSync(fleet.kubeconfig, 'utf8')) as {users: Array<{name: string; user: unknown}>}
  config.users = [{name: 'lab-user', user: {exec: {apiVersion: 'client.authentication.k8s.io/v1beta1', args: ['-e', `console.log(${JSON.stringify(credential)})`], command: process.execPath, env: [{name: 'AWS_PROFILE', value: 'lab'}]}}}]
  writeFileSync(join(dir, 'kubeconfig'), stringify(config))
  writeFileSync(join(dir, 'config'), '[profile lab]\nregion = us-west-2\n')
  writeFileSync(join(dir, 'credentials'), '[lab]\naws_access_key_id = AKIALABPROFILE\naws_secret_access_key = lab-profile-secret\n')
  assert.ok(process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY, 'the lab sets keys in the environment')
  const out = await runBinaryAsync(['doctor', '--kubeconfig', join(dir, 'kubeconfig'), ...contexts(['prod-a', 'eu']), '--only', 'CNI007', '--request-timeout', '5'], {
    env: {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')},
  })
  assert.is(out.exitCode, 0, out.stderr)
  assert.is(out.stderr, `warning: AWS profile "lab" and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are both set: vpccni's EC2 and EKS reads use the profile, but the AWS CLI (aws eks get-token) uses the keys; unset one so both sign as one identity\n`)
})

test('clusters of one region and profile share their SDK clients: the profile\'s credentials are resolved once per service, not per cluster', async () => {
  const dir = join(fleet.base.kube.dir, 'shared-clients')
  mkdirSync(dir, {recursive: true})
  const log = join(dir, 'credential-process.log')
  // A credential_process (as an SSO or assume-role helper is run) that notes each time the SDK asks it.
  const helper = join(dir, 'credentials.cjs')
  writeFileSync(helper, `require('node:fs').appendFileSync(${JSON.stringify(log)}, 'asked\\n'); console.log(JSON.stringify({Version: 1, AccessKeyId: 'AKIALABPROCESS', SecretAccessKey: 'lab-process-secret'}))\n`)
  const credential = JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: {token: LAB_TOKEN}})
  const config = parse(readFileSync(fleet.kubeconfig, 'utf8')) as {users: Array<{name: string; user: unknown}>}
  config.users = [{name: 'lab-user', user: {exec: {apiVersion: 'client.authentication.k8s.io/v1beta1', args: ['-e', `console.log(${JSON.stringify(credential)})`], command: process.execPath, env: [{name: 'AWS_PROFILE', value: 'counted'}]}}}]
  writeFileSync(join(dir, 'kubeconfig'), stringify(config))
  writeFileSync(join(dir, 'config'), `[profile counted]\nregion = us-west-2\ncredential_process = ${process.execPath} ${helper}\n`)
  const out = await runBinaryAsync(['doctor', '--kubeconfig', join(dir, 'kubeconfig'), ...contexts(['prod-a', 'prod-b-failing']), '--json', '--request-timeout', '5'], {
    env: {AWS_ACCESS_KEY_ID: '', AWS_CONFIG_FILE: join(dir, 'config'), AWS_SECRET_ACCESS_KEY: '', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none')},
  })
  assert.is(out.exitCode, 1, out.stderr)
  const {clusters} = JSON.parse(out.stdout) as {clusters: Member[]}
  assert.equal(clusters.map((c) => c.cluster.region), ['us-west-2', 'us-west-2'])
  assert.ok(clusters.every((c) => c.checked.includes('CNI001') && !c.notChecked.some((n) => /^(ec2|eks):/.test(n.call))), 'EC2 and EKS read for both')
  // One EC2 client and one EKS client for the two clusters: two runs, where a client per cluster made four.
  assert.is(readFileSync(log, 'utf8'), 'asked\nasked\n')
})

test.run()
