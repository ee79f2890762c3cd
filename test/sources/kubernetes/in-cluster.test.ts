import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createKubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {buildLabCluster} from '../../lab/scenario.js'

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

test.run()
