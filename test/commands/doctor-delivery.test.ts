import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Doctor from '../../src/commands/doctor.js'
import type {DoctorReport} from '../../src/core/doctor/doctor-report.js'
import {promtoolCheckMetrics} from '../helpers/format-consumers.js'
import {assertNoMutation} from '../helpers/read-only.js'
import {runCommand} from '../helpers/run-command.js'
import {type ClusterLab, startClusterLab} from '../lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, healthyCluster} from '../lab/doctor-scenarios.js'
import {findFreePort} from '../lab/free-port.js'
import {type RecordingGateway, startRecordingGateway} from '../lab/recording-gateway.js'

const test = suite('doctor --output-file and --push-gateway: checked before the read, written atomically, pushed only where told')
let lab: ClusterLab

const doctor = (argv: string[]) => runCommand<DoctorReport>(Doctor, [...lab.flags, ...argv])

test.before(async () => {
  lab = await startClusterLab(healthyCluster())
})

test.after(async () => {
  await lab.stop()
})

const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')

async function withGateways(gateways: RecordingGateway[], body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } finally {
    for (const gateway of gateways) await gateway.stop()
  }
}

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
  const gateway = await startRecordingGateway()
  await withGateways([gateway], async () => {
    const out = await doctor(['--push-gateway', gateway.url, '--output', 'json'])
    assert.is(out.exitCode, 0, out.stderr)
    assert.equal(gateway.requests.map((r) => [r.method, r.url]), [['PUT', '/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333']])
    assert.match(gateway.requests[0].headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/)
    assert.equal(await promtoolCheckMetrics(gateway.requests[0].body), {code: 0, output: ''})
    assertNoMutation(lab)
    // EKS not answering (its reads "not checked") changes nothing of where the cluster's metrics go: the labels come from
    // the configuration, so this push replaces the same group rather than leaving one behind.
    // A kubeconfig with no ARN (the cluster named by --cluster, as the CronJob does): EKS's answer gives no label either.
    const plain = join(lab.kube.dir, 'kubeconfig-no-arn')
    writeFileSync(plain, readFileSync(lab.kube.kubeconfig, 'utf8').replaceAll('arn:aws:eks:us-west-2:111122223333:cluster/lab', 'plain'))
    const run = () => runCommand(Doctor, ['--kubeconfig', plain, '--cluster', 'lab', '--region', 'us-west-2', '--push-gateway', gateway.url, '--output', 'json', '--request-timeout', '2'])
    await run()
    const eks = process.env.AWS_ENDPOINT_URL_EKS
    process.env.AWS_ENDPOINT_URL_EKS = `http://127.0.0.1:${await findFreePort()}`
    try {
      await run()
    } finally {
      process.env.AWS_ENDPOINT_URL_EKS = eks
    }

    const group = '/metrics/job/vpccni/cluster/lab/region/us-west-2'
    assert.equal(gateway.requests.slice(1).map((r) => r.url), [group, group])
    const refused = await doctor(['--push-gateway', 'ftp://gateway'])
    assert.is(refused.exitCode, 2)
    assert.match(refused.stderr, /--push-gateway "ftp:\/\/gateway": not an http\(s\) URL/)
  })
})

test('a gateway that is down: exit 3 with the URL, after the report', async () => {
  await lab.rebuild(healthyCluster())
  const port = await findFreePort()
  const out = await doctor(['--push-gateway', `http://127.0.0.1:${port}`, '--output', 'markdown'])
  assert.is(out.exitCode, 3)
  assert.match(out.stdout, /^# vpccni doctor: lab/)
  assert.match(out.stderr, new RegExp(`pushgateway:PUT http://127\\.0\\.0\\.1:${port}/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333: no answer \\(ECONNREFUSED\\)`))
})

test('a gateway that redirects: the PUT is not sent again where it points; exit 3 naming the target', async () => {
  await lab.rebuild(healthyCluster())
  const elsewhere = await startRecordingGateway()
  const redirecting = await startRecordingGateway((r) => ({headers: {Location: `${elsewhere.url}/elsewhere${r.url}`}, status: 307}))
  await withGateways([elsewhere, redirecting], async () => {
    const out = await doctor(['--push-gateway', redirecting.url, '--output', 'markdown'])
    assert.is(out.exitCode, 3, out.stderr)
    assert.match(out.stdout, /^# vpccni doctor: lab/, 'the report is written first')
    assert.equal(redirecting.requests.map((r) => r.method), ['PUT'])
    assert.equal(elsewhere.requests, [], 'nothing reached the redirect target')
    const target = `${elsewhere.url}/elsewhere/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333`
    assert.match(out.stderr, new RegExp(`^error: pushgateway:PUT ${escape(redirecting.url)}/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333: HTTP 307: redirected to ${escape(target)}, which vpccni does not follow; give the final URL in --push-gateway\n$`))
  })
})

test('--push-gateway http://USER:PASSWORD@HOST: sent as basic auth; no message ever shows the password', async () => {
  await lab.rebuild(healthyCluster())
  const expected = `Basic ${Buffer.from('vpccni:s3cr@t:x').toString('base64')}`
  const gateway = await startRecordingGateway((r) => ({status: r.headers.authorization === expected ? 200 : 401}))
  await withGateways([gateway], async () => {
    const withUser = (url: string, password: string) => url.replace('://', `://vpccni:${password}@`)
    const ok = await doctor(['--push-gateway', withUser(gateway.url, 's3cr%40t%3Ax'), '--output', 'json'])
    assert.is(ok.exitCode, 0, ok.stderr)
    assert.equal(gateway.requests.map((r) => [r.method, r.url, r.headers.authorization]), [['PUT', '/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333', expected]])
    const refused = await doctor(['--push-gateway', withUser(gateway.url, 'wr0ng'), '--output', 'markdown'])
    assert.is(refused.exitCode, 3)
    assert.match(refused.stderr, /^error: pushgateway:PUT http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/vpccni\/cluster\/lab\/region\/us-west-2\/account_id\/111122223333: HTTP 401; check the user and password in the --push-gateway URL\n$/)
    const port = await findFreePort()
    const down = await doctor(['--push-gateway', `http://vpccni:s3cr3t@127.0.0.1:${port}`, '--output', 'markdown'])
    assert.is(down.exitCode, 3)
    assert.match(down.stderr, new RegExp(`^error: pushgateway:PUT http://127\\.0\\.0\\.1:${port}/metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333: no answer \\(ECONNREFUSED\\)`))
    const bad = await doctor(['--push-gateway', 'ftp://vpccni:s3cr3t@gateway'])
    assert.is(bad.exitCode, 2)
    assert.match(bad.stderr, /^error: --push-gateway "ftp:\/\/\*\*\*@gateway": not an http\(s\) URL\n$/)
    for (const out of [refused, down, bad]) assert.not.match(out.stderr + out.stdout, /s3cr|wr0ng/)
  })
})

test('--output-file is checked before the cluster is read: missing folder, a folder, a file as folder, empty', async () => {
  await lab.rebuild(DOCTOR_SCENARIOS.CNI001())
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-textfile-'))
  try {
    writeFileSync(join(dir, 'file'), '')
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'no/such.prom'), /its folder .*\/no does not exist/],
      [dir, /: it is a folder/],
      [join(dir, 'file/x.prom'), /x\.prom: .*\/file is not a folder\n$/],
      ['', /--output-file is empty: name the file to write/],
    ]
    for (const [path, message] of cases) {
      lab.kube.requests.length = 0
      const out = await doctor(['--output', 'prometheus', '--output-file', path])
      assert.is(out.exitCode, 2, `${path}: ${out.stderr}`)
      assert.match(out.stderr, message)
      assert.is(out.stdout, '', 'nothing on stdout either')
      assert.equal(lab.kube.requests, [], `${path}: the cluster was not read`)
    }
  } finally {
    rmSync(dir, {force: true, recursive: true})
  }
})

test('--json with another --output, and --concurrency without a fleet, are bad input (exit 2), before any read', async () => {
  lab.kube.requests.length = 0
  const both = await doctor(['--json', '--output', 'prometheus'])
  assert.is(both.exitCode, 2)
  assert.match(both.stderr, /^error: --json does not go with --output prometheus: pass one of them\n$/)
  const concurrency = await doctor(['--concurrency', '3'])
  assert.is(concurrency.exitCode, 2)
  assert.match(concurrency.stderr, /^error: --concurrency is for a fleet: give several --context, or --all-contexts\n$/)
  assert.equal(lab.kube.requests, [])
  const same = await doctor(['--json', '--output', 'json', '--only', 'CNI007'])
  assert.is(same.exitCode, 0, same.stderr)
  assert.match(String(Doctor.flags.concurrency.description), /1 to 64/)
})

test.run()
