// vpccni doctor on a lab cluster of 5,000 nodes, 100,000 pods and their ENIs (node --import tsx bench/doctor.ts [NODES]).
// Prints wall time, peak RSS of the doctor process and requests per API; goal: <= 10 s and <= 400 MB on a 2-core machine.
// Doctor runs as shipped: the built binary (bin/run.cjs; `npm run build` first), timed by /usr/bin/time (wall, peak RSS).
// The lab (bench/doctor-lab-server.ts) runs in a child process; its Kubernetes answers are cached by a warm-up listing
// and EC2 answers from memory, so the figures are doctor's own (wall time still varies with the machine's load).
import {execFile, fork} from 'node:child_process'
import {cpus, loadavg} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import type {DoctorReport} from '../src/core/doctor/doctor-report.js'
import {setAwsLabEnv} from '../test/lab/aws-lab-env.js'

interface Ready {buildMs: number; ec2: string; eks: string; enis: number; kubeconfig: string; nodes: number; pods: number}
interface Stats {ec2: Record<string, number>; eks: Record<string, number>; kubernetes: Record<string, number>; writes: number}

const nodes = process.argv[2] ?? '5000'
const here = dirname(fileURLToPath(import.meta.url))
const server = fork(join(here, 'doctor-lab-server.ts'), [nodes], {execArgv: ['--import', 'tsx']})
const next = <T>(): Promise<T> => new Promise((resolve) => server.once('message', (m) => resolve(m as T)))
const ready = await next<Ready>()
setAwsLabEnv({ec2: ready.ec2, eks: ready.eks})
const argv = ['-f', 'vpccni-bench %e %M %U %S', process.execPath, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), join(here, '../bin/run.cjs'), 'doctor', '--kubeconfig', ready.kubeconfig, '--region', 'us-west-2', '--json']
// Exit 1 (error findings) is an answer, not a failure of the run.
const out = await promisify(execFile)('/usr/bin/time', argv, {maxBuffer: 1 << 30}).catch((error: {code?: number; stderr: string; stdout: string}) => ({...error, exitCode: error.code}))
const [, seconds, rssKb, user, system] = /vpccni-bench ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(out.stderr) ?? []
server.send('stats')
const stats = await next<Stats>()
server.send('stop')
const report = JSON.parse(out.stdout) as DoctorReport
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
const list = (counts: Record<string, number>) => Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', ')

console.log(`lab: ${ready.nodes} nodes, ${ready.pods} pods, ${ready.enis} ENIs (built in ${(ready.buildMs / 1000).toFixed(1)} s, not timed)`)
console.log(`doctor: exit ${'exitCode' in out ? out.exitCode : 0}, ${report.checked.length} checks run, findings ${JSON.stringify(report.summary)}, ${report.notChecked.length} not checked`)
console.log(`ip summary: ${report.ipSummary?.total.held} held, ${report.ipSummary?.total.assigned} assigned, ${report.ipSummary?.subnets.length} subnets`)
console.log(`wall time: ${seconds} s (start-up included); CPU time ${(Number(user) + Number(system)).toFixed(2)} s (user ${user}, system ${system}); load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`)
console.log(`peak RSS of the doctor process: ${(Number(rssKb) / 1024).toFixed(0)} MB`)
console.log(`requests: Kubernetes ${total(stats.kubernetes)} (${list(stats.kubernetes)})`)
console.log(`          EC2 ${total(stats.ec2)} (${list(stats.ec2)})`)
console.log(`          EKS ${total(stats.eks)} (${list(stats.eks)})`)
console.log(`writes: ${stats.writes}`)
