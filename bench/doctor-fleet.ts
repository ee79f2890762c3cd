// Prints doctor across a fleet of lab clusters (20 unless given) in one run against each cluster alone: the fleet's
// wall time should be close to the slowest cluster's, not their sum (issue 13).
// Run: npm run build && npm run bench:doctor-fleet [-- CLUSTERS]; BENCH_CPU_PROF=FILE profiles the widest fleet run;
// LAB_REPLAY=0 sends every EC2 request to the one moto, as the benchmark did before (what a shared EC2 fake bounds).
//
// What it models: a fleet whose clusters' API servers, EC2 and EKS are far away, not on this machine. Every request
// (Kubernetes, EC2, EKS) is answered after LATENCY_MS (default 150: a cluster in another region), each on its own: a
// region's EC2 is not one thread serving every cluster in turn. So the lab (bench/fleet-lab-server.ts) runs in a child
// process, off doctor's thread, and replays answers it made once in an untimed warm-up (Kubernetes answers cached by
// URL; EC2 and EKS through bench/region-front.ts): moto, one Python thread for the whole lab, then answers each
// distinct read once rather than 20 times while the fleet is timed. What it cannot remove: the lab still shares this
// machine's 2 cores with doctor (its CPU is printed), and TLS to EC2 and EKS (plain HTTP here) costs nothing here.
//
// Doctor runs as shipped (the dist bundle) in a process of its own (bench/doctor-driver.cjs) after a warm-up, so module
// loading, which one cluster and a fleet pay once alike, is left out. Its CPU is printed beside the wall time:
// JavaScript runs on one thread, so the main thread's busy time (event-loop utilisation) is a floor under the fleet's
// wall time whatever --concurrency is, as is CPU per cluster × clusters / cores on this machine.
import {fork} from 'node:child_process'
import {cpus, loadavg} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {setAwsLabEnv} from '../test/lab/aws-lab-env.js'

interface Ready {ec2: string; eks: string; kubeconfig: string; names: string[]}
interface LabCpu {ec2: {forwarded: number; requests: number}; eks: {forwarded: number; requests: number}; kubeRequests: number; lab: number; moto: number; writes: number}
interface Outcome {busy: number; cpu: number; exitCode: number; stderr: string; wall: number}
interface Run {busy: number; cpu: number; lab: number; moto: number; wall: number}

const CLUSTERS = Number(process.argv[2] ?? 20)
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 150)
const here = dirname(fileURLToPath(import.meta.url))
const lab = fork(join(here, 'fleet-lab-server.ts'), [String(CLUSTERS), String(LATENCY_MS)], {execArgv: ['--import', 'tsx']})
const next = <T>(): Promise<T> => new Promise((resolve) => lab.once('message', (m) => resolve(m as T)))
const ready = await next<Ready>()
const labCpu = async (): Promise<LabCpu> => {
  lab.send('cpu')
  return next<LabCpu>()
}

setAwsLabEnv({ec2: ready.ec2, eks: ready.eks})
const {names} = ready
// Forked after the lab's endpoints are in this environment: the driver's SDK reads them as a shell's would.
const driver = fork(join(here, 'doctor-driver.cjs'), [], {execArgv: []})
await new Promise((resolve) => driver.once('message', resolve))

/** One doctor run: wall time, doctor's CPU (every thread), its main thread's busy time, and the lab's and moto's CPU. */
const doctor = async (argv: string[], profile?: string): Promise<Run> => {
  const before = await labCpu()
  driver.send({argv: ['--kubeconfig', ready.kubeconfig, '--json', ...argv], profile})
  const out = await new Promise<Outcome>((resolve) => driver.once('message', (m) => resolve(m as Outcome)))
  if (out.exitCode !== 0) throw new Error(`doctor exited ${out.exitCode}: ${out.stderr}`)
  const after = await labCpu()
  return {busy: out.busy, cpu: out.cpu, lab: after.lab - before.lab, moto: after.moto - before.moto, wall: out.wall}
}

const fleetArgs = (concurrency: number) => [...names.flatMap((n) => ['--context', n]), '--concurrency', String(concurrency)]
const s = (seconds: number) => `${seconds.toFixed(2)} s`
try {
  const load = loadavg()
  // Warm-up: every cluster once, which fills the lab's answer caches and loads doctor's modules.
  await doctor(fleetArgs(CLUSTERS))
  const alone: Run[] = []
  for (const name of names) alone.push(await doctor(['--context', name]))
  const fleets = new Map<number, Run>()
  for (const concurrency of [...new Set([4, 10, CLUSTERS])].filter((c) => c <= CLUSTERS)) {
    fleets.set(concurrency, await doctor(fleetArgs(concurrency), concurrency === CLUSTERS ? process.env.BENCH_CPU_PROF : undefined))
  }

  const walls = alone.map((r) => r.wall).sort((a, b) => a - b)
  const slowest = walls.at(-1)!
  const sum = walls.reduce((a, b) => a + b, 0)
  const cpuEach = alone.reduce((a, r) => a + r.cpu, 0) / CLUSTERS
  const busyEach = alone.reduce((a, r) => a + r.busy, 0) / CLUSTERS
  const totals = await labCpu()

  console.log(`doctor fleet benchmark: ${CLUSTERS} lab clusters, every request answered after ${LATENCY_MS} ms`)
  console.log(`  load average ${load.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadavg()[0].toFixed(2)} at the end, on ${cpus().length} cores`)
  console.log(`  each cluster alone:  median ${s(walls[CLUSTERS >> 1])}, slowest ${s(slowest)}, sum ${s(sum)}`)
  console.log(`    doctor's CPU per cluster: ${(cpuEach * 1000).toFixed(0)} ms (main thread busy ${(busyEach * 1000).toFixed(0)} ms);` +
    ` × ${CLUSTERS} = ${s(cpuEach * CLUSTERS)}, ${s((cpuEach * CLUSTERS) / cpus().length)} on ${cpus().length} cores`)
  for (const [concurrency, run] of fleets) {
    const label = `fleet, --concurrency ${concurrency}${concurrency === 4 ? ' (default)' : ''}:`.padEnd(36)
    console.log(`  ${label}${s(run.wall)} wall, ${(run.wall / slowest).toFixed(2)} × the slowest, ${((100 * run.wall) / sum).toFixed(0)} % of the sum`)
    console.log(`    doctor's CPU ${s(run.cpu)}, main thread busy ${s(run.busy)} (${((100 * run.busy) / run.wall).toFixed(0)} % of the wall);` +
      ` the lab's ${s(run.lab)}, moto's ${s(run.moto)}`)
  }

  console.log(`  lab requests: Kubernetes ${totals.kubeRequests}, EC2 ${totals.ec2.requests} (${totals.ec2.forwarded} to moto), EKS ${totals.eks.requests}; writes ${totals.writes}`)
} finally {
  driver.kill()
  lab.send('stop')
}
