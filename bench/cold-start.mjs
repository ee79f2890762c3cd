// Cold start of `vpccni max-pods` against a bare `node -e 0`, over interleaved runs (median wall time).
// NODE_EXTRA_CA_CERTS is unset for every run: it adds ~80 ms to any Node start on this machine.
import {spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] ?? 21)
const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}
delete env.NODE_EXTRA_CA_CERTS

const cases = {
  'node -e 0': ['-e', '0'],
  'vpccni max-pods m5.large': [join(root, 'bin/run.cjs'), 'max-pods', 'm5.large'],
  'vpccni max-pods --all': [join(root, 'bin/run.cjs'), 'max-pods', '--all'],
}

const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]))
for (const [name, args] of Object.entries(cases)) spawnSync(process.execPath, args, {env}) // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint()
    const run = spawnSync(process.execPath, args, {env, stdio: ['ignore', 'ignore', 'inherit']})
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6)
    if (run.status !== 0) throw new Error(`${name} exited ${run.status}`)
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
console.log(`runs: ${runs} interleaved, NODE_EXTRA_CA_CERTS unset`)
for (const [name, value] of Object.entries(m)) console.log(`${name.padEnd(28)} median ${value.toFixed(1)} ms`)
const single = m['vpccni max-pods m5.large'] / m['node -e 0']
const all = m['vpccni max-pods --all'] / m['vpccni max-pods m5.large']
console.log(`ratio max-pods m5.large / node -e 0: ${single.toFixed(2)} (goal <= 3.0)`)
console.log(`ratio max-pods --all / max-pods m5.large: ${all.toFixed(2)} (goal <= 1.2)`)
