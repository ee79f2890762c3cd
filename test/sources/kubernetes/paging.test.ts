import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError} from '../../../src/errors.js'
import {createKubernetesSource, type KubernetesSource} from '../../../src/sources/kubernetes/index.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {buildLabCluster, type LabCluster} from '../../lab/scenario.js'

const FAST_RETRY = {baseDelayMs: 20, maxAttempts: 4, maxDelayMs: 10_000}

const paging = suite<{cluster: LabCluster; lab: KubeLab; source: KubernetesSource}>('kubernetes paging', {} as never)

paging.before(async (context) => {
  // 1,201 nodes: three pages of 500; 2,402 host-network pods: five pages.
  context.cluster = buildLabCluster({nodeGroups: [{count: 1201, instanceType: 'm5.xlarge', zones: ['us-west-2a', 'us-west-2b', 'us-west-2c']}]})
  context.lab = await startKubeLab(context.cluster.state)
  context.source = await createKubernetesSource({kubeconfig: context.lab.kubeconfig}, FAST_RETRY)
})

paging.before.each(({lab}) => {
  lab.faults.length = 0
  lab.requests.length = 0
})

paging.after(async ({lab, source}) => {
  source.close()
  await lab.stop()
})

paging('nodes come in pages of 500, each following the previous continue token', async ({cluster, lab, source}) => {
  const nodes = await source.listNodes()
  assert.equal(nodes.map((n) => n.name), cluster.nodes.map((n) => n.name))
  assert.equal(lab.requests.map((r) => r.query.limit), ['500', '500', '500'])
  assert.is(lab.requests[0].query.continue, undefined)
  assert.ok(lab.requests[1].query.continue && lab.requests[2].query.continue && lab.requests[1].query.continue !== lab.requests[2].query.continue)
})

paging('2,402 pods take five pages; the pods of one node, filtered by the server, one', async ({cluster, lab, source}) => {
  assert.is((await source.listPods()).length, 2402)
  assert.is(lab.requests.length, 5)
  assert.is((await source.listPods({nodeName: cluster.nodes[700].name})).length, 2)
  assert.is(lab.requests.length, 6)
  assert.equal(lab.requests.map((r) => r.gzipped), [true, true, true, true, true, false], 'pages over 128 KiB come gzipped, as from kube-apiserver')
})

paging('a 5xx on a middle page retries that page only', async ({cluster, lab, source}) => {
  lab.faults.push({queryHas: 'continue', resource: 'pods', status: 503, times: 1})
  assert.is((await source.listPods()).length, cluster.pods.length)
  assert.equal(lab.requests.map((r) => r.status), [200, 503, 200, 200, 200, 200])
  assert.equal(lab.requests[1].query, lab.requests[2].query)
})

paging('410 Expired in the middle of a list: restarts once from the first page', async ({cluster, lab, source}) => {
  lab.faults.push({queryHas: 'continue', resource: 'nodes', status: 410, times: 1})
  assert.is((await source.listNodes()).length, cluster.nodes.length)
  assert.equal(lab.requests.map((r) => `${r.status}${r.query.continue ? ' continue' : ''}`), ['200', '410 continue', '200', '200 continue', '200 continue'])
})

paging('410 twice: one exit-3 error naming the call', async ({lab, source}) => {
  lab.faults.push({queryHas: 'continue', resource: 'nodes', status: 410, times: 2})
  try {
    await source.listNodes()
    assert.unreachable('should fail')
  } catch (error) {
    assert.instance(error, SourceError)
    assert.match((error as SourceError).message, /^kubernetes:listNodes: HTTP 410 Expired: The provided continue parameter is too old/)
    assert.is((error as SourceError).exitCode, 3)
  }

  assert.is(lab.requests.length, 4)
})

paging('a token issued before the collection changed has expired for real: the lab answers 410, the list restarts', async ({cluster, lab, source}) => {
  lab.faults.push({expireContinueTokens: true, queryHas: 'continue', resource: 'pods', times: 1})
  assert.is((await source.listPods()).length, cluster.pods.length)
  assert.equal(lab.requests.map((r) => `${r.status}${r.query.continue ? ' continue' : ''}`).slice(0, 3), ['200', '410 continue', '200'])
  assert.is(lab.requests.length, 7)
})

paging('read-only: no request but GET reached the lab', ({lab}) => {
  assert.equal(lab.writes, [])
})

paging.run()
