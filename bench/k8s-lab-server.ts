// The lab API server for bench/k8s-list.ts, in its own process so the bench measures only the source layer's memory and time.
// Talks over IPC: sends {kubeconfig} once listening; answers 'stats' with {requests, rssMb}; 'stop' stops it.
import {createKubernetesSource} from '../src/sources/kubernetes/index.js'
import {startKubeLab} from '../test/lab/kube-lab.js'
import {buildLabCluster} from '../test/lab/scenario.js'

const nodes = Number(process.argv[2] ?? 5000)
const podsPerNode = Number(process.argv[3] ?? 20)
const started = performance.now()
// Each node also runs aws-node and kube-proxy (host network), so podsPerNode - 2 workload pods.
const cluster = buildLabCluster({
  nodeGroups: [
    {count: Math.ceil(nodes / 2), instanceType: 'm5.2xlarge', podsPerNode: podsPerNode - 2, zones: ['us-west-2a', 'us-west-2b', 'us-west-2c']},
    {count: Math.floor(nodes / 2), instanceType: 'c6i.4xlarge', podsPerNode: podsPerNode - 2, zones: ['us-west-2a', 'us-west-2b', 'us-west-2c']},
  ],
})
const lab = await startKubeLab(cluster.state, {cacheAnswers: true})
// One listing ahead of time fills the lab's answer cache: the measured listing then costs the lab almost nothing.
const warmer = await createKubernetesSource({kubeconfig: lab.kubeconfig})
await warmer.listNodes()
await warmer.listPods()
warmer.close()
lab.requests.length = 0
process.send!({buildMs: performance.now() - started, kubeconfig: lab.kubeconfig, nodes: cluster.nodes.length, pods: cluster.pods.length})
process.on('message', async (message) => {
  if (message === 'stats') process.send!({requests: lab.requests.length, rssMb: process.resourceUsage().maxRSS / 1024})
  if (message === 'stop') {
    await lab.stop()
    process.exit(0)
  }
})
