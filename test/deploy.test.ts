import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parse, parseAllDocuments} from 'yaml'

import {buildContext, emulateImage, isIgnored, parseDockerignore} from './helpers/docker-build.js'
import {runTool} from './helpers/format-consumers.js'
import {projectRoot} from './helpers/run-command.js'
import {startClusterLab} from './lab/cluster-lab.js'
import {DOCTOR_SCENARIOS, healthyCluster} from './lab/doctor-scenarios.js'
import {findFreePort} from './lab/free-port.js'
import {type KubeLab, startKubeLab} from './lab/kube-lab.js'
import {kubectl} from './lab/kubectl.js'
import {startRecordingGateway} from './lab/recording-gateway.js'
import type {LabResource} from './lab/resources.js'
import {buildLabCluster} from './lab/scenario.js'

const test = suite('deploy/: the manifests, the IAM policy and trust policies, the image and the alert rules')
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8')
type Manifest = {apiVersion: string; kind: string; metadata: {name: string; namespace?: string}; [key: string]: unknown}

/** kubectl kustomize (kubectl's own Kustomize, offline): what `kubectl apply -k deploy/` would send. */
function kustomize(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', ['kustomize', join(projectRoot, 'deploy')], {encoding: 'utf8'}, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)))
  })
}

/** Kinds the manifests create, as a real API server's discovery lists them (the lab serves only what vpccni reads). */
const DEPLOY_KINDS: LabResource[] = [
  {group: '', kind: 'ServiceAccount', namespaced: true, plural: 'serviceaccounts', shortNames: ['sa'], singular: 'serviceaccount', version: 'v1'},
  {group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', namespaced: false, plural: 'clusterroles', singular: 'clusterrole', version: 'v1'},
  {group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', namespaced: false, plural: 'clusterrolebindings', singular: 'clusterrolebinding', version: 'v1'},
  {group: 'batch', kind: 'CronJob', namespaced: true, plural: 'cronjobs', shortNames: ['cj'], singular: 'cronjob', version: 'v1'},
]

let lab: KubeLab
let manifests: Manifest[]
let rendered: string

test.before(async () => {
  const {state} = buildLabCluster({nodeGroups: [{count: 1, instanceType: 'm5.large'}]})
  state.resources.push(...DEPLOY_KINDS)
  lab = await startKubeLab(state)
  rendered = await kustomize()
  manifests = parseAllDocuments(rendered).map((d) => d.toJS() as Manifest)
})

test.after(async () => {
  await lab.stop()
})

test('kustomize renders the namespace, ServiceAccount, ClusterRole and binding, config and CronJob', () => {
  assert.equal(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort(), [
    'ClusterRole/vpccni-reader',
    'ClusterRoleBinding/vpccni-reader',
    'ConfigMap/vpccni-doctor',
    'CronJob/vpccni-doctor',
    'Namespace/vpccni',
    'ServiceAccount/vpccni-doctor',
  ])
})

test("deploy's ClusterRole is exactly docs/rbac.yaml's, the role the README documents and the permissions test proves minimal", () => {
  const documented = parse(read('docs/rbac.yaml')) as Manifest & {rules: unknown}
  const role = manifests.find((m) => m.kind === 'ClusterRole')! as Manifest & {rules: unknown}
  assert.equal(role.rules, documented.rules)
  assert.is(role.metadata.name, documented.metadata.name)
  const binding = manifests.find((m) => m.kind === 'ClusterRoleBinding') as Manifest & {roleRef: {name: string}; subjects: Array<{name: string; namespace: string}>}
  assert.is(binding.roleRef.name, role.metadata.name)
  assert.equal(binding.subjects, [{kind: 'ServiceAccount', name: 'vpccni-doctor', namespace: 'vpccni'}])
})

test("the IAM policy is docs/iam-policy.json; both trust policies name the doctor's ServiceAccount", () => {
  assert.equal(JSON.parse(read('deploy/iam/policy.json')), JSON.parse(read('docs/iam-policy.json')))
  const irsa = JSON.parse(read('deploy/iam/trust-irsa.json')) as {Statement: Array<{Action: string; Condition: {StringEquals: Record<string, string>}}>}
  assert.is(irsa.Statement[0].Action, 'sts:AssumeRoleWithWebIdentity')
  assert.ok(Object.values(irsa.Statement[0].Condition.StringEquals).includes('system:serviceaccount:vpccni:vpccni-doctor'))
  const pod = JSON.parse(read('deploy/iam/trust-pod-identity.json')) as {Statement: Array<{Action: string[]; Principal: {Service: string}}>}
  assert.equal([pod.Statement[0].Principal.Service, pod.Statement[0].Action], ['pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']])
})

type Container = {args: string[]; command: string[]; env: Array<{name: string; value: string}>; image: string; securityContext: Record<string, any>}
const cronJob = () => manifests.find((m) => m.kind === 'CronJob') as Manifest & {spec: {jobTemplate: {spec: {backoffLimit: number; template: {spec: Record<string, any>}}}}}

test('the CronJob runs doctor as the ServiceAccount, non-root, read-only: its report to the log, its metrics pushed', () => {
  const cron = cronJob()
  const pod = cron.spec.jobTemplate.spec.template.spec
  assert.is(pod.serviceAccountName, 'vpccni-doctor')
  assert.is(pod.securityContext.runAsNonRoot, true)
  const [container] = pod.containers as Container[]
  assert.is(container.image, 'vpccni:0.1.0')
  assert.equal(container.command, ['/bin/sh', '-c'])
  const script = container.args[0]
  assert.match(script, /^node \/app\/bin\/run\.cjs doctor /)
  for (const arg of ['--push-gateway="$PUSHGATEWAY_URL"', '--cluster="$CLUSTER_NAME"', '--region="$AWS_REGION"']) assert.ok(script.includes(arg), arg)
  // The text report is the Job's log: nothing goes to a file no one reads.
  assert.not.match(script, /--output/)
  assert.equal(pod.volumes ?? [], [])
  assert.is(container.securityContext.readOnlyRootFilesystem, true)
  assert.equal(container.env, [{name: 'VPCCNI_CODE_CACHE', value: '0'}], 'no code cache on a read-only root')
  assert.is(cron.spec.jobTemplate.spec.backoffLimit, 0)
})

test('.dockerignore: the build context has the sources and lockfile, not the host\'s node_modules, dist, .git or tests', () => {
  const patterns = parseDockerignore(read('.dockerignore'))
  const context = buildContext(projectRoot, patterns)
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/run.cjs', 'src/cli.ts', 'scripts/build.ts']) assert.ok(context.includes(file), file)
  const leaked = context.filter((f) => /^(node_modules|dist|\.git|test|bench)(\/|$)|^oclif\.manifest\.json$|^man\/.*\.1$/.test(f))
  assert.equal(leaked, [])
  for (const path of ['node_modules', 'node_modules/yaml/package.json', 'dist/cli.cjs', '.git', 'man/vpccni.1']) assert.ok(isIgnored(patterns, path), path)
  // Docker's patterns start at the context root (not .gitignore's any-depth): the matcher can tell.
  assert.not.ok(isIgnored(parseDockerignore('dist'), 'src/dist/x.ts'))
  assert.ok(isIgnored(parseDockerignore('**/dist\n!keep'), 'src/dist/x.ts'))
  assert.not.ok(isIgnored(parseDockerignore('**/dist\n!src/dist'), 'src/dist/x.ts'))
})

test('the image, emulated: built from the context, run as the CronJob runs it, on production dependencies only', async () => {
  const work = mkdtempSync(join(tmpdir(), 'vpccni-image-'))
  const cluster = await startClusterLab(healthyCluster())
  const gateway = await startRecordingGateway()
  try {
    const {app, env} = await emulateImage(projectRoot, work)
    const [container] = cronJob().spec.jobTemplate.spec.template.spec.containers as Container[]
    // The pod's file system: nothing but what the image holds may be written, so HOME and TMPDIR must stay empty.
    const home = join(work, 'home')
    const temporary = join(work, 'tmp')
    mkdirSync(home)
    mkdirSync(temporary)
    const job = async (config: Record<string, string>) => {
      const script = container.args[0].replaceAll('/app/', `${app}/`)
      const containerEnv = Object.fromEntries(container.env.map((e) => [e.name, e.value]))
      // The lab's kubeconfig stands in for the pod's service account; its AWS endpoints are in this process's environment.
      const childEnv = {...process.env, ...env, ...containerEnv, ...config, HOME: home, KUBECONFIG: cluster.kube.kubeconfig, NODE_PRESERVE_SYMLINKS: '1', TMPDIR: temporary}
      return new Promise<{code: null | number; stderr: string; stdout: string}>((resolve) => {
        execFile(container.command[0], [...container.command.slice(1), script], {encoding: 'utf8', env: childEnv}, (error, stdout, stderr) => {
          resolve({code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr, stdout})
        })
      })
    }

    const config = {AWS_REGION: 'us-west-2', CLUSTER_NAME: 'lab', PUSHGATEWAY_URL: gateway.url}
    const healthy = await job(config)
    assert.is(healthy.code, 0, healthy.stderr)
    assert.match(healthy.stdout, /^vpccni doctor: lab \(live, us-west-2\)/, 'kubectl logs shows the report')
    assert.is(healthy.stderr, '')
    assert.equal(gateway.requests.map((r) => `${r.method} ${r.url}`), ['PUT /metrics/job/vpccni/cluster/lab/region/us-west-2/account_id/111122223333'])
    assert.match(gateway.requests[0].body, /^vpccni_doctor_up\{account_id="111122223333",cluster="lab",region="us-west-2"\} 1$/m)
    await cluster.rebuild(DOCTOR_SCENARIOS.CNI001())
    const failing = await job(config)
    assert.is(failing.code, 0, 'an error finding is the metrics\' business: the Job succeeds')
    assert.match(failing.stdout, /^1 error/m)
    assert.match(gateway.requests[1].body, /^vpccni_doctor_findings\{check="CNI001",account_id="111122223333",cluster="lab",region="us-west-2",severity="error"\} 1$/m)
    const down = await job({...config, PUSHGATEWAY_URL: `http://127.0.0.1:${await findFreePort()}`})
    assert.is(down.code, 3, 'no metrics pushed: the Job fails')
    assert.match(down.stdout, /^vpccni doctor: lab/)
    const bad = await job({...config, AWS_REGION: 'nowhere'})
    assert.is(bad.code, 2, bad.stderr)
    assert.equal([readdirSync(home), readdirSync(temporary)], [[], []], 'nothing written outside the image')
  } finally {
    await gateway.stop()
    await cluster.stop()
    rmSync(work, {force: true, recursive: true})
  }
})

test("kubectl maps every manifest through the lab's discovery (client-side dry run: nothing is sent but discovery GETs)", async () => {
  const file = join(lab.dir, 'deploy.yaml')
  writeFileSync(file, rendered)
  const out = await kubectl(lab.kubeconfig, ['create', '--dry-run=client', '--validate=false', '-o', 'name', '-f', file], lab.dir)
  assert.is(out.exitCode, 0, out.stderr)
  assert.equal(out.stdout.trim().split('\n').sort(), [
    'clusterrole.rbac.authorization.k8s.io/vpccni-reader',
    'clusterrolebinding.rbac.authorization.k8s.io/vpccni-reader',
    'configmap/vpccni-doctor',
    'cronjob.batch/vpccni-doctor',
    'namespace/vpccni',
    'serviceaccount/vpccni-doctor',
  ])
  assert.equal(lab.writes, [])
  assert.ok(lab.requests.every((r) => r.method === 'GET'))
  writeFileSync(file, rendered.replace('kind: CronJob', 'kind: CronJobs'))
  const bad = await kubectl(lab.kubeconfig, ['create', '--dry-run=client', '--validate=false', '-o', 'name', '-f', file], lab.dir)
  assert.is.not(bad.exitCode, 0, 'an unknown kind is refused: the check can fail')
})

test('the alert rules pass promtool check rules and their unit tests (promtool test rules)', async () => {
  const dir = join(projectRoot, 'deploy/prometheus')
  const check = await runTool('promtool', ['check', 'rules', join(dir, 'vpccni-alerts.yaml')], '')
  assert.is(check.code, 0, check.output)
  assert.match(check.output, /SUCCESS: 7 rules found/)
  const unit = await runTool('promtool', ['test', 'rules', join(dir, 'vpccni-alerts.test.yaml')], '')
  assert.is(unit.code, 0, unit.output)
})

test('the alert rules use only metrics doctor writes', () => {
  const names = [...read('deploy/prometheus/vpccni-alerts.yaml').matchAll(/\bvpccni_\w+/g)].map((m) => m[0])
  const golden = read('test/golden/doctor-failing.prom')
  for (const name of new Set(names)) assert.match(golden, new RegExp(`^# TYPE ${name} gauge$`, 'm'), name)
})

test('the Dockerfile: Node 20 slim, production dependencies only, a non-root user', () => {
  const text = read('deploy/Dockerfile')
  const stages = text.split(/^FROM /m).slice(1)
  assert.ok(stages.every((s) => s.startsWith('node:20-slim')), 'every stage is node:20-slim')
  const runtime = stages.at(-1)!
  assert.match(runtime, /npm ci --omit=dev/)
  assert.match(runtime, /^USER node$/m)
  assert.not.match(runtime, /COPY \. \./)
})

test.run()
