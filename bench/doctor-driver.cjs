// Runs `vpccni doctor` as shipped (the dist/cli.cjs bundle, `npm run build` first) for bench/doctor-fleet.ts, in a
// plain Node process: under tsx, every lazy import() of the source would go through its loader hooks, which the
// bundle (where they are require()) never pays. One process for every run, so modules are loaded once, as a fleet
// run loads them once. IPC: {argv, profile?} runs doctor with that argv (stdout kept, not printed) and answers
// {exitCode, stderr, wall, cpu, busy}: seconds of wall time, of CPU (all threads) and of the main thread's busy time.
'use strict'
const {writeFileSync} = require('node:fs')
const {Session} = require('node:inspector/promises')
const {join} = require('node:path')

const root = join(__dirname, '..')
const {COMMANDS} = require(join(root, 'dist/cli.cjs'))

async function runDoctor(argv) {
  const err = []
  const [out, realErr] = [process.stdout.write, process.stderr.write]
  process.stdout.write = () => true
  process.stderr.write = (chunk) => err.push(String(chunk)) > 0
  process.exitCode = undefined
  try {
    await COMMANDS.doctor.run(argv, root)
    return {exitCode: Number(process.exitCode ?? 0), stderr: err.join('')}
  } catch (error) {
    if (error?.oclif?.exit === undefined) throw error
    return {exitCode: error.oclif.exit, stderr: err.join('')}
  } finally {
    process.stdout.write = out
    process.stderr.write = realErr
    process.exitCode = undefined
  }
}

process.on('message', async ({argv, profile}) => {
  const session = profile ? new Session() : undefined
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }

  const started = performance.now()
  const cpu = process.cpuUsage()
  const loop = performance.eventLoopUtilization()
  const outcome = await runDoctor(argv)
  const wall = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const busy = performance.eventLoopUtilization(loop).active / 1000
  if (session) {
    const {profile: written} = await session.post('Profiler.stop')
    writeFileSync(profile, JSON.stringify(written))
    session.disconnect()
  }

  process.send({...outcome, busy, cpu: (used.user + used.system) / 1e6, wall})
})
process.send('ready')
