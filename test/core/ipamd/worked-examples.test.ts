import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

const test = suite('ipamd worked examples (ipamd-algorithm.md §9, docs/eni-and-ip-target.md, docs/prefix-and-ip-target.md)')

interface Case {
  config: Partial<IpamdConfig>
  enis: number
  perEni?: number[]
  pods: number
  prefixes?: number
  total: number
  type: string
}

/** maxPods as the upstream tables assume: the recommended value for the type and mode. */
const MAX_PODS: Record<string, {pd: number; sip: number}> = {
  'm5.large': {pd: 110, sip: 29},
  'p3dn.24xlarge': {pd: 250, sip: 737},
  't3.small': {pd: 110, sip: 11},
}

function run(c: Case) {
  const instance = findInstanceType(c.type)!
  const prefix = c.config.prefixDelegation ?? false
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: prefix ? MAX_PODS[c.type].pd : MAX_PODS[c.type].sip, ...c.config}
  return simulateSteadyState(config, resolvePoolLimits(config, instance), c.pods)
}

const sip = (warmIpTarget: number, minimumIpTarget: number): Partial<IpamdConfig> => ({minimumIpTarget, warmIpTarget})
const pd = (extra: Partial<IpamdConfig> = {}): Partial<IpamdConfig> => ({prefixDelegation: true, ...extra})

const cases: Case[] = [
  // §9, m5.large
  {config: {}, enis: 1, perEni: [9], pods: 0, total: 9, type: 'm5.large'},
  {config: {}, enis: 2, perEni: [9, 9], pods: 1, total: 18, type: 'm5.large'},
  {config: {}, enis: 3, perEni: [9, 9, 9], pods: 20, total: 27, type: 'm5.large'},
  {config: {}, enis: 3, perEni: [9, 9, 9], pods: 27, total: 27, type: 'm5.large'},
  {config: sip(5, 10), enis: 2, perEni: [9, 1], pods: 0, total: 10, type: 'm5.large'},
  {config: sip(5, 10), enis: 2, perEni: [9, 3], pods: 7, total: 12, type: 'm5.large'},
  {config: sip(5, 10), enis: 3, perEni: [9, 9, 7], pods: 20, total: 25, type: 'm5.large'},
  {config: {customNetworking: true}, enis: 2, perEni: [0, 9], pods: 0, total: 9, type: 'm5.large'},
  {config: pd(), enis: 1, pods: 0, prefixes: 1, total: 16, type: 'm5.large'},
  {config: pd(), enis: 1, pods: 1, prefixes: 2, total: 32, type: 'm5.large'},
  {config: pd(), enis: 1, pods: 20, prefixes: 3, total: 48, type: 'm5.large'},
  {config: pd(), enis: 1, pods: 110, prefixes: 7, total: 112, type: 'm5.large'},
  {config: pd(sip(5, 10)), enis: 1, pods: 20, prefixes: 2, total: 32, type: 'm5.large'},
  // docs/eni-and-ip-target.md
  {config: {}, enis: 1, pods: 0, total: 3, type: 't3.small'},
  {config: {}, enis: 3, pods: 5, total: 9, type: 't3.small'},
  {config: {}, enis: 3, pods: 9, total: 9, type: 't3.small'},
  {config: sip(1, 1), enis: 1, pods: 0, total: 1, type: 't3.small'},
  {config: sip(1, 1), enis: 2, perEni: [3, 3], pods: 5, total: 6, type: 't3.small'},
  {config: sip(1, 1), enis: 3, pods: 9, total: 9, type: 't3.small'},
  {config: sip(2, 5), enis: 2, perEni: [3, 2], pods: 0, total: 5, type: 't3.small'},
  {config: sip(2, 5), enis: 3, perEni: [3, 3, 1], pods: 5, total: 7, type: 't3.small'},
  {config: sip(2, 5), enis: 3, pods: 9, total: 9, type: 't3.small'},
  {config: {}, enis: 1, pods: 0, total: 49, type: 'p3dn.24xlarge'},
  {config: {}, enis: 2, pods: 3, total: 98, type: 'p3dn.24xlarge'},
  {config: {}, enis: 3, pods: 95, total: 147, type: 'p3dn.24xlarge'},
  {config: sip(5, 10), enis: 1, pods: 0, total: 10, type: 'p3dn.24xlarge'},
  {config: sip(5, 10), enis: 1, pods: 7, total: 12, type: 'p3dn.24xlarge'},
  {config: sip(5, 10), enis: 1, pods: 15, total: 20, type: 'p3dn.24xlarge'},
  {config: sip(5, 10), enis: 2, perEni: [49, 1], pods: 45, total: 50, type: 'p3dn.24xlarge'},
  // docs/prefix-and-ip-target.md (t3.small: 3 slots per ENI)
  {config: pd(), enis: 1, pods: 0, prefixes: 1, total: 16, type: 't3.small'},
  {config: pd(), enis: 1, pods: 5, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(), enis: 1, pods: 16, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(), enis: 1, pods: 17, prefixes: 3, total: 48, type: 't3.small'},
  {config: pd(), enis: 2, perEni: [48, 32], pods: 58, prefixes: 5, total: 80, type: 't3.small'},
  {config: pd(sip(1, 1)), enis: 1, pods: 0, prefixes: 1, total: 16, type: 't3.small'},
  {config: pd(sip(1, 1)), enis: 1, pods: 5, prefixes: 1, total: 16, type: 't3.small'},
  {config: pd(sip(1, 1)), enis: 1, pods: 17, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(sip(1, 1)), enis: 2, perEni: [48, 16], pods: 58, prefixes: 4, total: 64, type: 't3.small'},
  // Errata 11: the upstream row says 1 prefix for 0 pods; MINIMUM_IP_TARGET=20 needs 2.
  {config: pd(sip(7, 20)), enis: 1, pods: 0, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(sip(7, 20)), enis: 1, pods: 5, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(sip(7, 20)), enis: 1, pods: 17, prefixes: 2, total: 32, type: 't3.small'},
  {config: pd(sip(7, 20)), enis: 2, pods: 58, prefixes: 5, total: 80, type: 't3.small'},
  // p3dn PD: prefix counts match upstream; its ENI column is stale (errata 11), one ENI suffices.
  {config: pd(), enis: 1, pods: 0, prefixes: 1, total: 16, type: 'p3dn.24xlarge'},
  {config: pd(), enis: 1, pods: 3, prefixes: 2, total: 32, type: 'p3dn.24xlarge'},
  {config: pd(), enis: 1, pods: 95, prefixes: 7, total: 112, type: 'p3dn.24xlarge'},
  {config: pd(sip(5, 10)), enis: 1, pods: 0, prefixes: 1, total: 16, type: 'p3dn.24xlarge'},
  {config: pd(sip(5, 10)), enis: 1, pods: 7, prefixes: 1, total: 16, type: 'p3dn.24xlarge'},
  {config: pd(sip(5, 10)), enis: 1, pods: 15, prefixes: 2, total: 32, type: 'p3dn.24xlarge'},
  {config: pd(sip(5, 10)), enis: 1, pods: 45, prefixes: 4, total: 64, type: 'p3dn.24xlarge'},
]

for (const c of cases) {
  test(`${c.type} ${JSON.stringify(c.config)} ${c.pods} pods → ${c.enis} ENIs, ${c.total} IPs`, () => {
    const {podsWithoutAddress, settled, steadyState} = run(c)
    assert.ok(settled)
    assert.is(podsWithoutAddress, 0)
    assert.is(steadyState.enis, c.enis, 'ENIs')
    assert.is(steadyState.totalIps, c.total, 'total IPs')
    assert.is(steadyState.idleIps, c.total - c.pods, 'idle IPs')
    if (c.perEni) assert.equal(steadyState.addressesPerEni, c.perEni, 'addresses per ENI')
    if (c.prefixes !== undefined) assert.is(steadyState.prefixes, c.prefixes, 'prefixes')
  })
}

test('m5.large default: the 28th pod finds no address (row 4)', () => {
  const result = run({config: {}, enis: 3, pods: 28, total: 27, type: 'm5.large'})
  assert.is(result.podsWithoutAddress, 1)
  assert.is(result.steadyState.totalIps, 27)
})

test('errata 1: MINIMUM_IP_TARGET without WARM_IP_TARGET freezes growth at the minimum', () => {
  const result = run({config: sip(0, 10), enis: 2, pods: 12, total: 10, type: 'm5.large'})
  assert.is(result.steadyState.totalIps, 10)
  assert.is(result.podsWithoutAddress, 2)
})

test('errata 8: WARM_ENI_TARGET=0 adds a whole ENI worth when the pool runs dry', () => {
  assert.is(run({config: {warmEniTarget: 0}, enis: 1, pods: 0, total: 9, type: 'm5.large'}).steadyState.totalIps, 9)
  const full = run({config: {warmEniTarget: 0}, enis: 2, pods: 10, total: 18, type: 'm5.large'})
  assert.equal(full.steadyState.addressesPerEni, [9, 9])
  assert.is(full.podsWithoutAddress, 0)
  // With 9 pods on a full primary, the spare ENI is freed after a minute and attached again: a flap.
  assert.not.ok(run({config: {warmEniTarget: 0}, enis: 1, pods: 9, total: 9, type: 'm5.large'}).settled)
})

test('WARM_ENI_TARGET=0 with custom networking flaps (issue #1451)', () => {
  assert.not.ok(run({config: {customNetworking: true, warmEniTarget: 0}, enis: 1, pods: 0, total: 0, type: 'm5.large'}).settled)
})

test('security groups for pods: the trunk takes a slot and is not counted', () => {
  const result = run({config: {securityGroupsForPods: true}, enis: 2, pods: 20, total: 18, type: 'm5.large'})
  assert.is(result.steadyState.enis, 2)
  assert.is(result.steadyState.totalIps, 18)
  assert.is(result.podsWithoutAddress, 2)
})

test.run()
