import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {dependsOnPlacement, simulateIpamdOrder} from '../../../src/core/ipamd/ipamd-order.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {createRandom} from '../../../src/core/seeded-random.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

const test = suite("ipamd's random placement (Go map order), seeded")

const SETTINGS: Array<Partial<IpamdConfig>> = [
  {},
  {warmEniTarget: 0},
  {minimumIpTarget: 10, warmIpTarget: 5},
  {customNetworking: true},
  {securityGroupsForPods: true},
  {prefixDelegation: true},
  {prefixDelegation: true, warmIpTarget: 5},
  {minimumIpTarget: 30, prefixDelegation: true, warmIpTarget: 20, warmPrefixTarget: 2},
  {customNetworking: true, prefixDelegation: true},
  {prefixDelegation: true, warmPrefixTarget: 2},
  {customNetworking: true, prefixDelegation: true, warmPrefixTarget: 3},
]

const key = (result: ReturnType<typeof simulateSteadyState>) =>
  [result.steadyState.enis, result.steadyState.totalIps, result.steadyState.prefixes, result.podsWithoutAddress].join('/')

test('placement changes a steady ramp exactly where dependsOnPlacement says: PD with WARM_PREFIX_TARGET ≥ 2 and no warm-IP target', () => {
  for (const [type, sip] of [['m5.large', 29], ['t3.small', 11], ['m5.xlarge', 58]] as const) {
    for (const extra of SETTINGS) {
      const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: extra.prefixDelegation ? 110 : sip, ...extra}
      const limits = resolvePoolLimits(config, findInstanceType(type)!)
      let differs = false
      for (const pods of [1, 9, 17, 29, 40]) {
        const packed = key(simulateSteadyState(config, limits, pods))
        for (let seed = 1; seed <= 4; seed++) differs ||= key(simulateSteadyState(config, limits, pods, undefined, createRandom(seed))) !== packed
      }

      assert.is(differs, dependsOnPlacement(config, limits), `${type} ${JSON.stringify(extra)}`)
    }
  }
})

test('the range never falls below the packed figure, and the same seeds give the same range', () => {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 110, prefixDelegation: true, warmPrefixTarget: 3}
  const limits = resolvePoolLimits(config, findInstanceType('m5.xlarge')!)
  for (const pods of [0, 5, 30, 80]) {
    const packed = simulateSteadyState(config, limits, pods).steadyState
    const range = simulateIpamdOrder(config, limits, pods)
    assert.ok(range.totalIps.min >= packed.totalIps && range.prefixes.min >= packed.prefixes, `${pods} pods`)
    assert.ok(range.totalIps.min <= range.totalIps.median && range.totalIps.median <= range.totalIps.max)
    assert.equal(simulateIpamdOrder(config, limits, pods), range)
  }
})

test.run()
