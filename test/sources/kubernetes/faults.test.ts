import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError} from '../../../src/errors.js'
import {describeError, formatErrorLine} from '../../../src/format-error.js'
import {createKubernetesSource, type KubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {buildLabCluster} from '../../lab/scenario.js'

/** The production policy but with short back-offs, so 5xx tests take milliseconds; Retry-After is still honoured as sent. */
const FAST_RETRY = {baseDelayMs: 20, maxAttempts: 4, maxDelayMs: 10_000}

const faults = suite<{lab: KubeLab; source: KubernetesSource}>('kubernetes faults', {} as never)

faults.before(async (context) => {
  context.lab = await startKubeLab(buildLabCluster({nodeGroups: [{count: 4, instanceType: 'm5.large', podsPerNode: 3}]}).state)
  context.source = await createKubernetesSource({kubeconfig: context.lab.kubeconfig, timeoutMs: 1000}, FAST_RETRY)
})

faults.before.each(({lab}) => {
  lab.faults.length = 0
  lab.requests.length = 0
})

faults.after(async ({lab, source}) => {
  source.close()
  await lab.stop()
})

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise
  } catch (error) {
    assert.instance(error, SourceError)
    return error as SourceError
  }

  throw new Error('expected the call to fail')
}

faults('429 with Retry-After: waits as told, then succeeds', async ({lab}) => {
  lab.faults.push({resource: 'nodes', retryAfterSeconds: 1, status: 429, times: 1})
  const patient = await createKubernetesSource({kubeconfig: lab.kubeconfig, timeoutMs: 5000}, FAST_RETRY)
  assert.is((await patient.listNodes()).length, 4)
  patient.close()
  assert.equal(lab.requests.map((r) => r.status), [429, 200])
  const waited = lab.requests[1].atMs - lab.requests[0].atMs
  assert.ok(waited >= 990 && waited < 3000, `waited ${waited} ms for Retry-After: 1`)
})

faults('a Retry-After beyond the policy cap is cut down to it', async ({lab}) => {
  lab.faults.push({path: '/version', retryAfterSeconds: 600, status: 429, times: 1})
  const capped = await createKubernetesSource({kubeconfig: lab.kubeconfig}, {...FAST_RETRY, maxDelayMs: 50})
  await capped.readServerVersion()
  capped.close()
  const waited = lab.requests[1].atMs - lab.requests[0].atMs
  assert.ok(waited >= 45 && waited < 1000, `waited ${waited} ms, not 600 s`)
})

faults('429 that never ends: bounded (4 attempts), then one exit-3 error', async ({lab, source}) => {
  lab.faults.push({resource: 'pods', retryAfterSeconds: 0, status: 429})
  const error = await failure(source.listPods())
  assert.is(lab.requests.length, 4)
  assert.is(error.exitCode, 3)
  assert.is(error.call, 'kubernetes:listPods')
  assert.match(error.message, /HTTP 429 TooManyRequests \(after retries\)/)
})

faults('403 on one resource: exit 3, naming the call and the RBAC permission; others still work', async ({lab, source}) => {
  lab.faults.push({resource: 'pods', status: 403})
  const error = await failure(source.listPods())
  assert.is(lab.requests.length, 1, '403 is not retried')
  assert.is(error.permission, 'list pods')
  const line = formatErrorLine(describeError(error))
  assert.match(line, /^error: kubernetes:listPods: forbidden: needs RBAC permission "list pods" \(pods is forbidden: User "lab-user" cannot list resource "pods"/)
  assert.match(line, /Permissions section/)
  assert.is(describeError(error).exitCode, 3)
  assert.is((await source.listNodes()).length, 4)
})

faults('403 on the DaemonSet names get daemonsets.apps aws-node in kube-system', async ({lab, source}) => {
  lab.faults.push({resource: 'daemonsets', status: 403})
  const error = await failure(source.readAwsNode())
  assert.is(error.permission, 'get daemonsets.apps aws-node in kube-system')
  assert.match(error.message, /cannot get resource "daemonsets" in API group "apps" in the namespace "kube-system"/)
})

faults('500 once: retried after a back-off, then succeeds', async ({lab, source}) => {
  lab.faults.push({path: '/version', status: 500, times: 2})
  assert.is((await source.readServerVersion()).major, '1')
  assert.equal(lab.requests.map((r) => r.status), [500, 500, 200])
  assert.ok(lab.requests[2].atMs - lab.requests[1].atMs >= 38, 'the second back-off doubles (20 ms, then 40 ms)')
})

faults('500 on every try: one exit-3 error after 4 attempts', async ({lab, source}) => {
  lab.faults.push({resource: 'configmaps', status: 500})
  const error = await failure(source.readCniConfigMap())
  assert.is(lab.requests.length, 4)
  assert.match(error.message, /^kubernetes:readCniConfigMap: HTTP 500 InternalError \(after retries\): injected fault/)
})

faults('slow answer beyond the request timeout: exit 3 naming the timeout, no retry', async ({lab, source}) => {
  lab.faults.push({delayMs: 2500, path: '/api/v1/nodes', times: 1})
  const started = performance.now()
  const error = await failure(source.listNodes())
  const elapsed = performance.now() - started
  assert.ok(elapsed >= 950 && elapsed < 2400, `gave up after ${elapsed} ms`)
  assert.match(error.message, /^kubernetes:listNodes: https:\/\/127\.0\.0\.1:\d+ gave no answer within 1 s$/)
  assert.match(error.hint ?? '', /--request-timeout/)
  assert.is(lab.requests.length, 1)
})

faults('--request-timeout bounds the GET with its retries: a Retry-After past it is not waited for', async ({lab, source}) => {
  lab.faults.push({resource: 'nodes', retryAfterSeconds: 5, status: 429})
  const started = performance.now()
  const error = await failure(source.listNodes())
  assert.ok(performance.now() - started < 900, `gave up after ${performance.now() - started} ms, not after 5 s`)
  assert.match(error.message, /HTTP 429 TooManyRequests \(its retry would end past --request-timeout\)/)
  assert.is(lab.requests.length, 1)
})

faults('500s retried until the deadline: the whole GET stays within --request-timeout', async ({lab}) => {
  lab.faults.push({delayMs: 300, path: '/version', status: 500})
  const bounded = await createKubernetesSource({kubeconfig: lab.kubeconfig, timeoutMs: 1000}, {baseDelayMs: 200, maxAttempts: 10, maxDelayMs: 10_000})
  const started = performance.now()
  await failure(bounded.readServerVersion())
  bounded.close()
  const elapsed = performance.now() - started
  assert.ok(elapsed < 1300, `retries went on for ${elapsed} ms past a 1 s deadline`)
})

faults('a slow answer within the timeout is simply waited for', async ({lab, source}) => {
  lab.faults.push({delayMs: 300, path: '/version', times: 1})
  assert.is((await source.readServerVersion()).minor, '31+')
})

faults('a 404 without a Status body (a proxy) is an error, not "absent": only reason NotFound means absent', async ({lab, source}) => {
  lab.faults.push({path: '/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node', plainBody: '404 page not found\n', status: 404})
  lab.faults.push({path: '/api/v1/namespaces/kube-system/configmaps', plainBody: '<html>Not Found</html>', status: 404})
  lab.faults.push({path: '/apis/crd.k8s.amazonaws.com', plainBody: 'no route', status: 404})
  const awsNode = await failure(source.readAwsNode())
  assert.match(awsNode.message, /^kubernetes:readAwsNode: HTTP 404: 404 page not found$/)
  assert.match((await failure(source.readCniConfigMap())).message, /^kubernetes:readCniConfigMap: HTTP 404: <html>Not Found<\/html>$/)
  assert.match((await failure(source.listEniConfigs())).message, /^kubernetes:listEniConfigs: HTTP 404: no route$/)
  assert.is(describeError(awsNode).exitCode, 3)
})

faults('read-only: no request but GET reached the lab', ({lab}) => {
  assert.equal(lab.writes, [])
})

faults.run()
