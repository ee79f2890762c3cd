// Prints doctor across a fleet of 20 lab clusters in one run (--concurrency 20) against each cluster alone: the fleet's
// wall time should be close to the slowest cluster's, not their sum. Each API server answers after LATENCY_MS, as a
// cluster in another region does; EC2 is one moto for all (a shared, single-threaded fake: it bounds what overlaps).
// Run: npm run bench:doctor-fleet
import {performance} from 'node:perf_hooks'

import Doctor from '../src/commands/doctor.js'
import {startFleetLab} from '../test/lab/fleet-lab.js'
import {runCommand} from '../test/helpers/run-command.js'

const CLUSTERS = 20
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 150)
const names = Array.from({length: CLUSTERS}, (_, i) => `cluster-${String(i + 1).padStart(2, '0')}`)
const fleet = await startFleetLab(names.map((name) => ({name})))
for (const kube of fleet.kubes.values()) kube.faults.push({delayMs: LATENCY_MS, path: '/'})

const doctor = async (argv: string[]) => {
  const started = performance.now()
  const out = await runCommand(Doctor, ['--kubeconfig', fleet.kubeconfig, '--json', ...argv])
  if (out.exitCode !== 0) throw new Error(`doctor exited ${out.exitCode}: ${out.stderr}`)
  return (performance.now() - started) / 1000
}

try {
  await doctor(['--context', names[0]]) // warm-up: module loading is not the fleet's cost
  const alone: number[] = []
  for (const name of names) alone.push(await doctor(['--context', name]))
  const wall = await doctor([...names.flatMap((n) => ['--context', n]), '--concurrency', String(CLUSTERS)])
  const byDefault = await doctor([...names.flatMap((n) => ['--context', n])])
  const sum = alone.reduce((a, b) => a + b, 0)
  const slowest = Math.max(...alone)
  console.log(`doctor fleet benchmark: ${CLUSTERS} lab clusters, API latency ${LATENCY_MS} ms per request`)
  console.log(`  each cluster alone:        median ${alone.sort((a, b) => a - b)[CLUSTERS >> 1].toFixed(2)} s, slowest ${slowest.toFixed(2)} s, sum ${sum.toFixed(2)} s`)
  console.log(`  fleet, --concurrency ${CLUSTERS}:   ${wall.toFixed(2)} s wall (${(wall / slowest).toFixed(2)} × the slowest, ${((100 * wall) / sum).toFixed(0)} % of the sum)`)
  console.log(`  fleet, default (4):        ${byDefault.toFixed(2)} s wall (${((100 * byDefault) / sum).toFixed(0)} % of the sum)`)
} finally {
  await fleet.stop()
}
