// Prints doctor across a fleet of 20 lab clusters in one run (--concurrency 20) against each cluster alone: the fleet's
// wall time should be close to the slowest cluster's, not their sum. Each API server answers after LATENCY_MS, as a
// cluster in another region does; EC2 is one moto for all (a shared, single-threaded fake: it bounds what overlaps).
// Run: npm run bench:doctor-fleet
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'

import Doctor from '../src/commands/doctor.js'
import {startFleetLab} from '../test/lab/fleet-lab.js'
import {runCommand} from '../test/helpers/run-command.js'

const CLUSTERS = 20
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 150)
const names = Array.from({length: CLUSTERS}, (_, i) => `cluster-${String(i + 1).padStart(2, '0')}`)
const fleet = await startFleetLab(names.map((name) => ({name})))
for (const kube of fleet.kubes.values()) kube.faults.push({delayMs: LATENCY_MS, path: '/'})

/** CPU seconds moto_server has used so far (utime + stime of its processes, from /proc), to see what bounds the fleet. */
const motoCpu = (): number => {
  const pids = execFileSync('pgrep', ['-f', 'moto_server'], {encoding: 'utf8'}).trim().split('\n').filter(Boolean)
  const ticks = pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return sum + Number(fields[11]) + Number(fields[12])
  }, 0)
  return ticks / 100
}

let cpuOfLast = 0
let motoOfLast = 0
const doctor = async (argv: string[]) => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const moto = motoCpu()
  const out = await runCommand(Doctor, ['--kubeconfig', fleet.kubeconfig, '--json', ...argv])
  if (out.exitCode !== 0) throw new Error(`doctor exited ${out.exitCode}: ${out.stderr}`)
  const used = process.cpuUsage(cpu)
  cpuOfLast = (used.user + used.system) / 1e6
  motoOfLast = motoCpu() - moto
  return (performance.now() - started) / 1000
}

try {
  await doctor(['--context', names[0]]) // warm-up: module loading is not the fleet's cost
  const alone: number[] = []
  for (const name of names) alone.push(await doctor(['--context', name]))
  const wall = await doctor([...names.flatMap((n) => ['--context', n]), '--concurrency', String(CLUSTERS)])
  const [fleetCpu, fleetMoto] = [cpuOfLast, motoOfLast]
  const byDefault = await doctor([...names.flatMap((n) => ['--context', n])])
  const sum = alone.reduce((a, b) => a + b, 0)
  const slowest = Math.max(...alone)
  console.log(`doctor fleet benchmark: ${CLUSTERS} lab clusters, API latency ${LATENCY_MS} ms per request`)
  console.log(`  each cluster alone:        median ${alone.sort((a, b) => a - b)[CLUSTERS >> 1].toFixed(2)} s, slowest ${slowest.toFixed(2)} s, sum ${sum.toFixed(2)} s`)
  console.log(`  fleet, --concurrency ${CLUSTERS}:   ${wall.toFixed(2)} s wall (${(wall / slowest).toFixed(2)} × the slowest, ${((100 * wall) / sum).toFixed(0)} % of the sum)`)
  console.log(`    CPU of this process (vpccni and the lab's API servers): ${fleetCpu.toFixed(2)} s; moto_server (one EC2 for all ${CLUSTERS}, single-threaded): ${fleetMoto.toFixed(2)} s`)
  console.log(`  fleet, default (4):        ${byDefault.toFixed(2)} s wall (${((100 * byDefault) / sum).toFixed(0)} % of the sum)`)
} finally {
  await fleet.stop()
}
