import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import Plan from '../../src/commands/plan.js'
import type {PlanResult} from '../../src/core/plan/build-plan.js'
import {runCommand} from '../helpers/run-command.js'

const test = suite('vpccni plan: the pick and FITS when options fall short')
const planJson = async (argv: string[]) => {
  const out = await runCommand<PlanResult>(Plan, [...argv, '--json'])
  return {doc: JSON.parse(out.stdout) as PlanResult, exitCode: out.exitCode}
}

test('no option feasible: the pick runs every pod; alternatives keep --max-pods where the mode addresses it', async () => {
  const {doc} = await planJson(['--node-group', 'm5.large:1:1:200', '--prefix', '--max-pods', '250', '--subnet', 'a=10.0.0.0/24'])
  const row = (label: string) => doc.alternatives.find((a) => a.label === label || a.sameAs.includes(label))!
  // m5.large in prefix delegation addresses 434 pods: the user's 250 stands; secondary IPs address 29, custom networking 20.
  assert.is(row('warm-targets').maxPods.max, 250)
  assert.is(row('default').maxPods.max, 29)
  assert.is(row('custom networking').maxPods.max, 20)
  assert.not.equal(doc.pick.option, 'custom-networking')
  const picked = doc.alternatives.find((a) => a.option === doc.pick.option)!
  assert.equal(picked.problems.filter((p) => /exceed max pods|find no address/.test(p)), [])
})

test('FITS and the pick count the ENIConfig subnets given: a plan whose pod subnet is short does not fit', async () => {
  const {doc, exitCode} = await planJson(['--node-group', 'm5.large:2:2:20', '--prefix', '--custom-networking', '--subnet', 'a=10.0.0.0/28',
    '--pod-subnet', 'a=100.64.0.0/26'])
  assert.is(exitCode, 1)
  assert.is(doc.fitsAtMax, false)
  const given = doc.alternatives.find((a) => a.option === 'as-given')!
  assert.is(given.fitsAtMax, false)
  // Only custom networking without prefixes fits the /26, and there pods find no address: nothing both runs and fits.
  assert.match(doc.pick.reason, /^no option both runs the pods and fits the subnets at max size: larger subnets are needed/)
  // Of the feasible options, the fewest addresses: node subnets first, then ENIConfig subnets.
  assert.is(doc.pick.option, 'warm-targets')
})

test('prefix delegation with WARM_PREFIX_TARGET=2: the output says the pool is sized at the most of ipamd\'s random orders', async () => {
  const out = await runCommand<PlanResult>(Plan, ['--node-group', 'm5.large:2:2:20', '--prefix', '--set', 'WARM_PREFIX_TARGET=2', '--zones', '1'])
  assert.match(out.stdout.replace(/\n */g, ' '), /m5\.large: pool sized at the most of 20 runs of ipamd's random pod order, 80 pod addresses per node \(median 80; packed pods 64\)/)
  assert.equal(out.stdout.split('\n').filter((line) => line.length > 80), [])
})

test('every option\'s settings line names the modes it runs in: custom networking and ENABLE_POD_ENI kept', async () => {
  const {doc} = await planJson(['--node-group', 'm5.xlarge:2:2:10', '--custom-networking', '--security-groups-for-pods', '--branch-pods-per-node', '2',
    '--subnet', 'a=10.0.0.0/24'])
  for (const row of doc.alternatives) assert.is(row.env.ENABLE_POD_ENI, 'true', row.label)
  const warm = doc.alternatives.find((a) => a.label === 'warm-targets' || a.sameAs.includes('warm-targets'))!
  assert.is(warm.env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, 'true')
})

test.run()
