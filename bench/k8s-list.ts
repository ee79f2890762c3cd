// Lists a lab cluster of 5,000 nodes and 100,000 pods through the Kubernetes source layer (node --import tsx bench/k8s-list.ts).
// Prints wall time, request count and peak RSS of this process; goal: <= 10 s and <= 400 MB on a 2-core machine.
// The lab API server runs in a child process (bench/k8s-lab-server.ts), its answers cached by a warm-up listing, so the
// figures are the source layer's own; wall time still varies with the machine's load (other processes share the 2 cores).
import {fork} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {createKubernetesSource} from '../src/sources/kubernetes/index.js'

interface Ready {buildMs: number; kubeconfig: string; nodes: number; pods: number}
interface Stats {requests: number; rssMb: number}

const [nodes = '5000', podsPerNode = '20'] = process.argv.slice(2)
const server = fork(join(dirname(fileURLToPath(import.meta.url)), 'k8s-lab-server.ts'), [nodes, podsPerNode], {execArgv: ['--import', 'tsx']})
const next = <T>(): Promise<T> => new Promise((resolve) => server.once('message', (m) => resolve(m as T)))
const ready = await next<Ready>()
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`
const rssBefore = process.resourceUsage().maxRSS

const started = performance.now()
const cpuBefore = process.cpuUsage()
const source = await createKubernetesSource({kubeconfig: ready.kubeconfig})
const listedNodes = await source.listNodes()
const afterNodes = performance.now()
const listedPods = await source.listPods()
const finished = performance.now()
const cpu = process.cpuUsage(cpuBefore)
source.close()

server.send('stats')
const stats = await next<Stats>()
server.send('stop')
if (listedNodes.length !== ready.nodes || listedPods.length !== ready.pods) {
  throw new Error(`listed ${listedNodes.length} nodes and ${listedPods.length} pods, the lab holds ${ready.nodes} and ${ready.pods}`)
}

console.log(`lab: ${ready.nodes} nodes, ${ready.pods} pods (built in ${(ready.buildMs / 1000).toFixed(1)} s, lab process peak RSS ${stats.rssMb.toFixed(0)} MB)`)
console.log(`wall time: ${((finished - started) / 1000).toFixed(2)} s (client-node load and nodes ${((afterNodes - started) / 1000).toFixed(2)} s, pods ${((finished - afterNodes) / 1000).toFixed(2)} s)`)
console.log(`CPU time of the listing process: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (all threads: TLS, gunzip, JSON.parse, GC)`)
console.log(`requests: ${stats.requests} (pages of 500)`)
console.log(`peak RSS of the listing process: ${mb(process.resourceUsage().maxRSS)} (before listing: ${mb(rssBefore)})`)
