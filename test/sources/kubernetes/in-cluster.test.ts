import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createKubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {createLiveClusterSource} from '../../../src/sources/live-cluster-source.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {buildLabCluster} from '../../lab/scenario.js'
import type {SourceError} from '../../../src/errors.js'

const SA_TOKEN = 'in-cluster-service-account-token'
const test = suite('in-cluster configuration: the service account token and KUBERNETES_SERVICE_HOST when there is no kubeconfig')
let lab: KubeLab
let root: string
const saved: Record<string, string | undefined> = {}

/** A pod's view: the projected service account files under ROOT, the service env, no kubeconfig file anywhere. */
function asPod(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    saved[key] ??= process.env[key]
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}

test.before(async () => {
  lab = await startKubeLab(buildLabCluster({nodeGroups: [{count: 3, instanceType: 'm5.large'}]}).state, {acceptedTokens: [SA_TOKEN]})
  root = mkdtempSync(join(tmpdir(), 'vpccni-pod-'))
  const account = join(root, 'var/run/secrets/kubernetes.io/serviceaccount')
  mkdirSync(account, {recursive: true})
  writeFileSync(join(account, 'token'), SA_TOKEN)
  writeFileSync(join(account, 'ca.crt'), lab.caPem)
  writeFileSync(join(account, 'namespace'), 'vpccni')
  const port = new URL(lab.url).port
  asPod({HOME: root, KUBECONFIG: undefined, KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port})
})

test.after(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }

  rmSync(root, {force: true, recursive: true})
  await lab.stop()
})

test('no kubeconfig: the service account token and CA are used, as kubectl does in a pod', async () => {
  const source = await createKubernetesSource({inClusterRoot: root})
  try {
    assert.is((await source.listNodes()).length, 3)
    assert.is(source.context.server, lab.url)
  } finally {
    source.close()
  }

  assert.ok(lab.requests.length > 0 && lab.requests.every((r) => r.status === 200), JSON.stringify(lab.requests.map((r) => r.status)))
  assert.equal(lab.writes, [])
})

test('the token is the file\'s: one the API server refuses gives a refusal, not a fallback', async () => {
  writeFileSync(join(root, 'var/run/secrets/kubernetes.io/serviceaccount/token'), 'a-token-the-lab-refuses')
  const source = await createKubernetesSource({inClusterRoot: root})
  try {
    await source.listNodes().then(
      () => assert.unreachable('the refused token was not the one sent'),
      (error: Error) => assert.match(error.message, /401|Unauthorized|credentials/i),
    )
  } finally {
    source.close()
    writeFileSync(join(root, 'var/run/secrets/kubernetes.io/serviceaccount/token'), SA_TOKEN)
  }
})

test('a pod without its service account CA: the hint names the mounted files, not an exec command', async () => {
  const ca = join(root, 'var/run/secrets/kubernetes.io/serviceaccount/ca.crt')
  rmSync(ca)
  try {
    await createKubernetesSource({inClusterRoot: root}).then(
      (source) => {
        source.close()
        assert.unreachable('no CA, yet a source')
      },
      (error: SourceError) => {
        assert.is(error.exitCode, 3)
        assert.match(error.hint ?? '', /^check the pod's service account files \(token and ca\.crt under \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\)/)
      },
    )
  } finally {
    writeFileSync(ca, lab.caPem)
  }
})

test('no --cluster in a pod: the EKS calls that need a name say to pass --cluster, not that a kubeconfig context names none', async () => {
  const source = createLiveClusterSource({'request-timeout': 5})
  try {
    const answer = await source.describeCluster()
    assert.is(answer.available, false)
    assert.is(answer.available === false && answer.reason, 'eks:DescribeCluster: no EKS cluster name (in a pod, on its service account, there is no kubeconfig context to name it)')
    assert.is(answer.available === false && answer.hint, 'pass --cluster NAME (deploy/cronjob.yaml passes CLUSTER_NAME from its ConfigMap)')
  } finally {
    source.close()
  }

  // Outside a pod with no kubeconfig either, there is no context at all.
  const host = process.env.KUBERNETES_SERVICE_HOST
  delete process.env.KUBERNETES_SERVICE_HOST
  const outside = createLiveClusterSource({'request-timeout': 5})
  try {
    const answer = await outside.listNodegroups()
    assert.is(answer.available === false && answer.reason, 'eks:ListNodegroups: no EKS cluster name (there is no kubeconfig context to take it from)')
  } finally {
    outside.close()
    process.env.KUBERNETES_SERVICE_HOST = host
  }
})

test.run()
