// The lab API server for bench/k8s-list.ts, in its own process so the bench measures only the source layer's memory.
// Talks over IPC: sends {kubeconfig} once listening; answers 'stats' with {requests, rssMb}; 'stop' stops it.
import {startKubeLab} from '../test/lab/kube-lab.js'
import {buildLabCluster} from '../test/lab/scenario.js'
import {warmListCache} from '../test/lab/serve-resource.js'

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
warmListCache(cluster.state)
const lab = await startKubeLab(cluster.state)
process.send!({buildMs: performance.now() - started, kubeconfig: lab.kubeconfig, nodes: cluster.nodes.length, pods: cluster.pods.length})
process.on('message', async (message) => {
  if (message === 'stats') process.send!({requests: lab.requests.length, rssMb: process.resourceUsage().maxRSS / 1024})
  if (message === 'stop') {
    await lab.stop()
    process.exit(0)
  }
})
