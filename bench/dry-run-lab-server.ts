// The Kubernetes lab for bench/ipamd-dry-run.ts, in its own process so the bench measures vpccni's time, not the lab's.
// Over IPC: receives the nodes (instance id, address, pod IPs), builds and serves the cluster, warms its answer cache
// with one listing, sends {kubeconfig, pods}; 'stop' stops it.
import {createKubernetesSource} from '../src/sources/kubernetes/index.js'
import {startKubeLab} from '../test/lab/kube-lab.js'
import {buildLabCluster} from '../test/lab/scenario.js'

process.once('message', async (nodes: Array<{instanceId: string; podIps: string[]; privateIp: string}>) => {
  const cluster = buildLabCluster({
    nodes: nodes.map((n) => ({instanceId: n.instanceId, instanceType: 'm5.large', podIps: n.podIps, pods: n.podIps.length, privateIp: n.privateIp, zone: 'us-west-2a'})),
    region: 'us-west-2',
  })
  const lab = await startKubeLab(cluster.state, {cacheAnswers: true})
  const warmer = await createKubernetesSource({kubeconfig: lab.kubeconfig})
  await Promise.all([warmer.listNodes(), warmer.listPods(), warmer.readAwsNode(), warmer.listEniConfigs()])
  warmer.close()
  process.send!({kubeconfig: lab.kubeconfig, pods: cluster.pods.length})
  process.on('message', async (message) => {
    if (message === 'stop') {
      await lab.stop()
      process.exit(0)
    }
  })
})
