import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {createKubernetesSource, type KubernetesSource, summarizeNode, summarizePod} from '../../../src/sources/kubernetes/index.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {runKubectl} from '../../lab/kubectl.js'
import {buildLabCluster, type LabCluster} from '../../lab/scenario.js'

type Json = {[key: string]: unknown}

const agreement = suite<{cluster: LabCluster; lab: KubeLab; source: KubernetesSource}>('kubectl agrees with the source layer', {} as never)

agreement.before(async (context) => {
  context.cluster = buildLabCluster({
    awsNode: {installedBy: 'kubectl', userEnv: {ENABLE_PREFIX_DELEGATION: 'true'}},
    nodeGroups: [{count: 5, instanceType: 'm6i.large', podsPerNode: 4}, {count: 2, instanceType: 'r6g.2xlarge', zones: ['us-west-2c']}],
  })
  context.lab = await startKubeLab(context.cluster.state)
  context.source = await createKubernetesSource({kubeconfig: context.lab.kubeconfig})
})

agreement.before.each(({lab}) => {
  lab.requests.length = 0
})

agreement.after(async ({lab, source}) => {
  source.close()
  await lab.stop()
})

agreement('kubectl get nodes --chunk-size=2 -o json: the same nodes, and kubectl paged with limit/continue', async ({lab, source}) => {
  const listed = JSON.parse(await runKubectl(lab.kubeconfig, ['get', 'nodes', '--chunk-size=2', '-o', 'json'], lab.dir)) as {items: Json[]}
  const kubectlRequests = lab.requests.filter((r) => r.path === '/api/v1/nodes')
  assert.equal(kubectlRequests.map((r) => [r.query.limit, Boolean(r.query.continue)]), [['2', false], ['2', true], ['2', true], ['2', true]])
  const fromSource = await source.listNodes()
  assert.is(fromSource.length, 7)
  assert.equal(listed.items.map((item) => summarizeNode(item)), fromSource)
})

agreement('kubectl get pods -A --field-selector spec.nodeName=NODE: the same pods', async ({cluster, lab, source}) => {
  const node = cluster.nodes[3].name
  const args = ['get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '--chunk-size=2', '-o', 'json']
  const listed = JSON.parse(await runKubectl(lab.kubeconfig, args, lab.dir)) as {items: Json[]}
  const fromSource = await source.listPods({nodeName: node})
  assert.is(fromSource.length, 6)
  assert.equal(listed.items.map((item) => summarizePod(item)), fromSource)
})

agreement('kubectl get ds aws-node --show-managed-fields -o json is exactly the manifest the source returns', async ({lab, source}) => {
  const args = ['get', 'ds', 'aws-node', '-n', 'kube-system', '-o', 'json']
  const shown = JSON.parse(await runKubectl(lab.kubeconfig, [...args, '--show-managed-fields'], lab.dir)) as Json
  const awsNode = (await source.readAwsNode())!
  assert.equal(awsNode.manifest, shown)
  // Without the flag kubectl (1.21+) hides managedFields: a file from plain `kubectl get -o json` has none.
  const plain = JSON.parse(await runKubectl(lab.kubeconfig, args, lab.dir)) as {metadata: Json}
  assert.is(plain.metadata.managedFields, undefined)
  const {managedFields: _hidden, ...metadata} = awsNode.manifest.metadata as Json
  assert.equal(plain, {...awsNode.manifest, metadata})
  assert.equal(awsNode.managedFields.map((m) => m.manager), ['kubectl-client-side-apply', 'kubectl-set', 'kube-controller-manager'])
  assert.ok((awsNode.annotations['kubectl.kubernetes.io/last-applied-configuration'] ?? '').startsWith('{"kind":"DaemonSet"'))
})

agreement('kubectl reads ENIConfigs through discovery of crd.k8s.amazonaws.com/v1alpha1', async ({lab, source}) => {
  const listed = JSON.parse(await runKubectl(lab.kubeconfig, ['get', 'eniconfigs', '-o', 'json'], lab.dir)) as {items: Json[]}
  assert.equal(listed.items, [])
  assert.equal(await source.listEniConfigs(), [])
  assert.ok(lab.requests.some((r) => r.path === '/apis/crd.k8s.amazonaws.com/v1alpha1'), 'kubectl asked discovery first')
})

agreement('read-only: no request but GET reached the lab', ({lab}) => {
  assert.equal(lab.writes, [])
})

agreement.run()
