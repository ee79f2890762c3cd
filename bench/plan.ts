// Prints how long `vpccni plan` takes for 1,000 nodes in 10 node groups over 3 zones (goal ≤ 2 s), measured in a
// cold process: the plan under its own settings and the four alternatives, warm-targets included. Run: npm run bench:plan
import {spawnSync} from 'node:child_process'
import {performance} from 'node:perf_hooks'

import {parseCniVersion} from '../src/core/cni-version.js'
import {MANIFEST_DEFAULTS} from '../src/core/ipamd/ipamd-config.js'
import {buildPlan} from '../src/core/plan/build-plan.js'
import {parseIpv4Cidr} from '../src/core/plan/cidr.js'
import type {PlanInput} from '../src/core/plan/plan-input.js'
import {findInstanceType} from '../src/data/instance-catalog.js'

/** Ten node groups as a mid-size cluster runs them: 1,000 nodes at max size, half of that at desired. */
const GROUPS: Array<[string, number]> = [
  ['m5.large', 20], ['m5.xlarge', 30], ['m5.2xlarge', 40], ['m5.4xlarge', 60], ['c5.xlarge', 25],
  ['c5.2xlarge', 35], ['r5.xlarge', 30], ['r5.2xlarge', 50], ['m6i.xlarge', 40], ['t3.medium', 10],
]

const input = (churnPerHour: number): PlanInput => ({
  churnPerHour,
  cniVersion: parseCniVersion('v1.23.1'),
  env: {},
  groups: GROUPS.map(([type, pods]) => ({desired: 50, instance: findInstanceType(type)!, max: 100, maxPods: null, name: type, podsPerNode: pods, subnets: []})),
  headroomPercent: 20,
  nodeSubnets: ['a', 'b', 'c'].map((z, i) => ({cidr: parseIpv4Cidr(`10.0.${i * 16}.0/20`, 'bench'), id: null, name: `eu-west-1${z}`, zone: `eu-west-1${z}`})),
  podSubnets: [],
  settings: MANIFEST_DEFAULTS,
  source: 'bench',
})

for (const churn of [0, 60]) {
  const start = performance.now()
  const result = buildPlan(input(churn))
  const seconds = (performance.now() - start) / 1000
  const nodes = result.total.max.nodes
  console.log(
    `plan, ${nodes} nodes in ${result.groups.length} groups, churn ${churn}/h per node: ${seconds.toFixed(2)} s (goal ≤ 2 s); ` +
      `${result.total.max.total} addresses at max size; pick: ${result.pick.label}`,
  )
}

// The same plan through the built binary, start-up and rendering included (npm run build first).
const argv = ['bin/run.cjs', 'plan', ...GROUPS.flatMap(([type, pods]) => ['--node-group', `${type}:50:100:${pods}`]),
  '--subnet', 'eu-west-1a=10.0.0.0/20', '--subnet', 'eu-west-1b=10.0.16.0/20', '--subnet', 'eu-west-1c=10.0.32.0/20', '--json']
const start = performance.now()
const run = spawnSync(process.execPath, argv, {encoding: 'utf8'})
console.log(`vpccni plan (binary, --json), same cluster: ${((performance.now() - start) / 1000).toFixed(2)} s, exit ${run.status}`)
