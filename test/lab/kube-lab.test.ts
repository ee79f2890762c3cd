import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type KubeLab, startKubeLab} from './kube-lab.js'
import {kubectl, runKubectl} from './kubectl.js'
import {buildLabCluster} from './scenario.js'

/** The lab must behave like a real API server, or tests against it prove nothing: kubectl is the judge. */
const lab = suite<{lab: KubeLab}>('the lab, as kubectl sees it', {} as never)

lab.before(async (context) => {
  context.lab = await startKubeLab(buildLabCluster({eniConfigs: null, nodeGroups: [{count: 3, instanceType: 'm5.large', podsPerNode: 1}]}).state)
})

lab.before.each(({lab}) => {
  lab.faults.length = 0
  lab.requests.length = 0
  lab.rbac = undefined
})

lab.after(async ({lab}) => lab.stop())

const raw = async (k: KubeLab, path: string) => JSON.parse(await runKubectl(k.kubeconfig, ['get', '--raw', path], k.dir))

lab('a limited list carries an opaque continue token and remainingItemCount', async ({lab}) => {
  const first = await raw(lab, '/api/v1/nodes?limit=1')
  assert.is(first.kind, 'NodeList')
  assert.is(first.items.length, 1)
  assert.is(first.metadata.remainingItemCount, 2)
  const second = await raw(lab, `/api/v1/nodes?limit=5&continue=${first.metadata.continue}`)
  assert.is(second.items.length, 2)
  assert.is(second.metadata.continue, undefined)
  const filtered = await raw(lab, '/api/v1/pods?limit=1&fieldSelector=metadata.namespace%3Dkube-system')
  assert.is(filtered.metadata.remainingItemCount, undefined, 'not with a selector')
})

lab('a stale continue token is 410 Expired; a malformed one 400', async ({lab}) => {
  const first = await raw(lab, '/api/v1/nodes?limit=1')
  lab.expireContinueTokens()
  const stale = await kubectl(lab.kubeconfig, ['get', '--raw', `/api/v1/nodes?limit=1&continue=${first.metadata.continue}`], lab.dir)
  assert.match(stale.stderr, /Error from server \(Expired\): The provided continue parameter is too old/)
  const garbage = await kubectl(lab.kubeconfig, ['get', '--raw', '/api/v1/nodes?limit=1&continue=garbage'], lab.dir)
  assert.match(garbage.stderr, /Error from server \(BadRequest\): continue key is not valid/)
  assert.equal(lab.requests.filter((r) => r.path === '/api/v1/nodes').map((r) => r.status), [200, 410, 400])
})

lab('404 NotFound and 403 Forbidden arrive as Status objects kubectl understands', async ({lab}) => {
  const missing = await kubectl(lab.kubeconfig, ['get', 'ds', 'no-such-ds', '-n', 'kube-system'], lab.dir)
  assert.match(missing.stderr, /Error from server \(NotFound\): daemonsets.apps "no-such-ds" not found/)
  lab.rbac = [{apiGroups: [''], resources: ['nodes'], verbs: ['list']}, {nonResourceURLs: ['*'], verbs: ['get']}]
  const refused = await kubectl(lab.kubeconfig, ['get', 'pods', '-A'], lab.dir)
  assert.match(refused.stderr, /Error from server \(Forbidden\): pods is forbidden: User "lab-user" cannot list resource "pods" in API group "" at the cluster scope/)
  assert.is((await kubectl(lab.kubeconfig, ['get', 'nodes'], lab.dir)).exitCode, 0)
})

lab('kubectl retries a 429 after its Retry-After, as it does against a real API server', async ({lab}) => {
  lab.faults.push({resource: 'nodes', retryAfterSeconds: 1, status: 429, times: 1})
  const nodes = JSON.parse(await runKubectl(lab.kubeconfig, ['get', 'nodes', '-o', 'json'], lab.dir))
  assert.is(nodes.items.length, 3)
  assert.equal(lab.requests.filter((r) => r.path === '/api/v1/nodes').map((r) => r.status), [429, 200])
})

lab('without the ENIConfig CRD, discovery does not list the group and kubectl knows no such type', async ({lab}) => {
  const outcome = await kubectl(lab.kubeconfig, ['get', 'eniconfigs'], lab.dir)
  assert.match(outcome.stderr, /the server doesn't have a resource type "eniconfigs"/)
})

lab('writes are refused and recorded, so the read-only assertion can fail', async ({lab}) => {
  const outcome = await kubectl(lab.kubeconfig, ['delete', 'node', 'ip-10-0-0-10.us-west-2.compute.internal'], lab.dir)
  assert.is.not(outcome.exitCode, 0)
  assert.equal(lab.writes.map((r) => [r.method, r.info.isResource && r.info.verb, r.status]), [['DELETE', 'delete', 405]])
})

lab.run()
