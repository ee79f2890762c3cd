import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {describeAction} from '../../../src/core/dry-run/describe-action.js'
import {projectPool} from '../../../src/core/dry-run/project-pool.js'
import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import type {PoolState} from '../../../src/core/ipamd/pool-state.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'
import {renderDryRun} from '../../../src/output/ipamd-dry-run-view.js'
import {createStyle} from '../../../src/output/style.js'
import {dryRunNode} from '../../../src/core/dry-run/dry-run-node.js'
import {context, eniFacts, ips, nodeWith, NOW} from '../../helpers/dry-run-nodes.js'

const test = suite('ipamd dry-run: a pool that never settles is shown as one cycle')

// PD on an m5.large whose primary ENI still holds 6 unused /32s: the model's WARM_PREFIX_TARGET guard counts them
// as free prefixes, so a new ENI's /28 is freed and attached again for ever (the state before ipamd's start-up release).
const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 110, prefixDelegation: true}
const limits = resolvePoolLimits(config, findInstanceType('m5.large')!)
const slash32 = (i: number, assigned: number) => ({assigned, coolingSince: [], id: `10.0.1.${i}/32`, prefix: false})
const flapping: PoolState = {
  enis: [{attachedAt: NOW - 3600, cidrs: Array.from({length: 9}, (_, i) => slash32(i, i < 3 ? 1 : 0)), deviceIndex: 0, excluded: false, id: 'eni-0', primary: true, subnetId: 'subnet-a', trunk: false}],
  lastDecreaseAt: null,
  unmanagedEnis: 0,
}

test('attach/free repeating: the actions stop after the first round, the cycle gives its period', () => {
  const projection = projectPool(flapping, config, limits, NOW, 0, {free: new Map(), newEniSubnet: 'subnet-a'})
  assert.not.ok(projection.settled)
  assert.equal(projection.cycle, {actions: 2, fromSeconds: 0, periodSeconds: 70})
  assert.equal(projection.actions.map((a) => [a.action.kind, a.atSeconds]), [['attach-eni', 0], ['free-eni', 65]])
})

test('a settled pool has no cycle', () => {
  const settled = projectPool({...flapping, enis: []}, config, limits, NOW, 0, {free: new Map(), newEniSubnet: 'subnet-a'})
  assert.is(settled.cycle, null)
})

test('the text shows the cycle once with its period, not every repetition', async () => {
  const doc = dryRunNode(nodeWith({enis: [eniFacts(0, ips('10.0.1', 9))], podIps: []}), context)
  const flap = {...doc, ...projectionOf()}
  const text = renderDryRun(flap, await createStyle(false))
  assert.match(text, /repeating every 70 s from 0 s, for ever:\n {4}now: attach a new ENI at device 1 with 1 prefix[^\n]*\n[^\n]*\n {4}after 65 s \(once an ENI's first 60 s ran out\): free \(new ENI at device 1\)/)
  assert.match(text, /never settles: a flapping configuration/)
  assert.ok(text.split('\n').length < 40, text)
})

function projectionOf() {
  const p = projectPool(flapping, config, limits, NOW, 0, {free: new Map(), newEniSubnet: 'subnet-a'})
  return {actions: p.actions.map((a) => describeAction(a, config)), cycle: p.cycle, settled: false}
}

test.run()
