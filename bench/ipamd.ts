// Prints how long the warm-pool model takes: 24 h of churn on 1,000 nodes (goal ≤ 5 s)
// and one warm-targets recommendation (goal ≤ 2 s), measured first, in a cold process. Run: npm run bench:ipamd
import {performance} from 'node:perf_hooks'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../src/core/ipamd/ipamd-config.js'
import {simulateSteadyState} from '../src/core/ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../src/core/ipamd/simulate-workload.js'
import {createRandom} from '../src/core/seeded-random.js'
import {randomChurn} from '../src/core/warm-targets/build-workload.js'
import {recommendWarmTargets} from '../src/core/warm-targets/recommend-warm-targets.js'
import {findInstanceType} from '../src/data/instance-catalog.js'

const NODES = 1000
const DAY = 24 * 3600
const m5 = findInstanceType('m5.xlarge')!
const settings: Array<Partial<IpamdConfig>> = [{}, {minimumIpTarget: 20, warmIpTarget: 5}, {prefixDelegation: true}]

interface DayFigures {
  calls: number
  cpuSeconds: number
  events: number
  /** Of `seconds`, the time spent drawing the random workloads rather than simulating them. */
  generationSeconds: number
  seconds: number
  waited: number
}

function churnDay(): DayFigures {
  const random = createRandom(7)
  let calls = 0
  let events = 0
  let waited = 0
  let generationMs = 0
  const started = performance.now()
  const cpu = process.cpuUsage()
  for (let node = 0; node < NODES; node++) {
    const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 58, ...settings[node % settings.length]}
    const limits = resolvePoolLimits(config, m5)
    const {state} = simulateSteadyState(config, limits, 10 + Math.floor(random() * 30))
    const generating = performance.now()
    const workload = randomChurn(random, 0.5 + random() * 2, DAY)
    generationMs += performance.now() - generating
    events += workload.length
    const report = simulateWorkload({config, durationSeconds: DAY, events: workload, limits, state, startAt: 100_000})
    calls += report.ec2CallsTotal
    waited += report.pods.waited
  }

  const used = process.cpuUsage(cpu)
  const seconds = (performance.now() - started) / 1000
  return {calls, cpuSeconds: (used.user + used.system) / 1e6, events, generationSeconds: generationMs / 1000, seconds, waited}
}

function oneRecommendation(): {seconds: number; tried: number} {
  const started = performance.now()
  const result = recommendWarmTargets({
    base: {...MANIFEST_DEFAULTS, maxPods: 58},
    instance: m5,
    nodes: 200,
    shape: {burst: 10, churnPerMinute: 2, peak: 45, pods: 30},
    subnetFree: 8000,
  })
  return {seconds: (performance.now() - started) / 1000, tried: result.candidatesTried}
}

const recommendation = oneRecommendation()
console.log(
  `one warm-targets recommendation (m5.xlarge, 30 pods, peak 45, burst 10, 2 starts/min): ${recommendation.seconds.toFixed(2)} s ` +
    `(goal ≤ 2 s); ${recommendation.tried} settings simulated`,
)

const day = churnDay()
console.log(
  `24 h of churn on ${NODES} m5.xlarge nodes: ${day.seconds.toFixed(2)} s wall (${day.generationSeconds.toFixed(2)} s of it drawing the workloads), ` +
    `${day.cpuSeconds.toFixed(2)} s CPU (goal ≤ 5 s); ` +
    `${day.events.toLocaleString('en-US')} pod events, ${day.calls.toLocaleString('en-US')} EC2 calls, ${day.waited} pods waited`,
)
