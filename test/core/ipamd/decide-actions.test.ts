import fc from 'fast-check'
import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {applyAction} from '../../../src/core/ipamd/apply-action.js'
import {decideActions} from '../../../src/core/ipamd/decide-actions.js'
import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {assignPodAddress, releasePodAddress, type PodAddress} from '../../../src/core/ipamd/place-pod.js'
import {computePoolStats} from '../../../src/core/ipamd/pool-stats.js'
import type {CidrState, EniState, PoolState} from '../../../src/core/ipamd/pool-state.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

const test = suite('decideActions: any starting state')
const m5 = findInstanceType('m5.large')!

const cidr = (id: string, prefix: boolean, assigned = 0, coolingSince: number[] = []): CidrState => ({assigned, coolingSince, id, prefix})
const eni = (deviceIndex: number, cidrs: CidrState[], attachedAt = 0): EniState => ({
  attachedAt, cidrs, deviceIndex, excluded: false, id: `eni-${deviceIndex}`, primary: deviceIndex === 0, subnetId: 's', trunk: false,
})
const state = (enis: EniState[], lastDecreaseAt: null | number = null): PoolState => ({enis, lastDecreaseAt, unmanagedEnis: 0})
const config = (extra: Partial<IpamdConfig>): IpamdConfig => ({...MANIFEST_DEFAULTS, maxPods: 29, ...extra})

test('errata 4: PD, WIT=30, 96 IPs held, 90 pods → +2 prefixes in one call though max pods is 110', () => {
  const prefixes = [16, 16, 16, 16, 16, 10].map((n, i) => cidr(`p${i}`, true, n))
  const c = config({maxPods: 110, prefixDelegation: true, warmIpTarget: 30})
  const decision = decideActions(state([eni(0, prefixes)]), c, resolvePoolLimits(c, m5), 1000)
  assert.equal(decision.actions.map((a) => [a.kind, 'count' in a ? a.count : 0]), [['assign', 2]])
  assert.is(decision.actions[0].reason.target, 'WARM_IP_TARGET')
})

test('cooling addresses count as available: no growth while they cool (issue #2896)', () => {
  const ips = Array.from({length: 9}, (_, i) => cidr(`ip${i}`, false, i < 4 ? 1 : 0, i >= 4 ? [100] : []))
  const c = config({minimumIpTarget: 5, warmIpTarget: 5})
  const limits = resolvePoolLimits(c, m5)
  const s = state([eni(0, ips)])
  const decision = decideActions(s, c, limits, 110)
  assert.is(decision.stats.available, 5)
  assert.is(decision.actions.length, 0)
  assert.is(assignPodAddress(s, limits, 110, 30), null, 'yet a pod finds no usable address')
})

test('warm-IP mode releases the surplus, cooling IPs included, at most every 30 s', () => {
  const ips = Array.from({length: 9}, (_, i) => cidr(`ip${i}`, false, i < 2 ? 1 : 0, i === 8 ? [100] : []))
  const c = config({minimumIpTarget: 3, warmIpTarget: 2})
  const limits = resolvePoolLimits(c, m5)
  const decision = decideActions(state([eni(0, ips)]), c, limits, 110)
  assert.equal(decision.actions.map((a) => a.kind), ['release'])
  assert.is(decision.actions[0].kind === 'release' && decision.actions[0].cidrIds.length, 5)
  assert.is(decision.actions[0].reason.why, 'pool-too-high')
  const throttled = decideActions(state([eni(0, ips)], 95), c, limits, 110)
  assert.is(throttled.actions.length, 0)
  assert.match(throttled.blocked.join(), /30 s/)
})

test('default mode frees only a whole empty ENI, old enough and without cooling IPs', () => {
  const full = (d: number, assigned: number, attachedAt = 0, cooling: number[] = []) =>
    eni(d, Array.from({length: 9}, (_, i) => cidr(`${d}-${i}`, false, i < assigned ? 1 : 0, i === 8 ? cooling : [])), attachedAt)
  const c = config({})
  const limits = resolvePoolLimits(c, m5)
  const free = decideActions(state([full(0, 5), full(1, 0), full(2, 0)]), c, limits, 500)
  assert.equal(free.actions.map((a) => [a.kind, 'eniId' in a ? a.eniId : '']), [['free-eni', 'eni-1']])
  assert.is(decideActions(state([full(0, 5), full(1, 0, 450), full(2, 0, 450)]), c, limits, 500).actions.length, 0)
  assert.is(decideActions(state([full(0, 5), full(1, 0, 0, [480]), full(2, 1)]), c, limits, 500).actions.length, 0)
  assert.is(decideActions(state([full(0, 9), full(1, 1), full(2, 1)]), c, limits, 500).actions.length, 0)
})

test('PD keeps an empty ENI while no other ENI has a free /28 (errata 7, also with WIT)', () => {
  const c = config({maxPods: 110, prefixDelegation: true, warmIpTarget: 1})
  const limits = resolvePoolLimits(c, m5)
  const primary = eni(0, Array.from({length: 9}, (_, i) => cidr(`p${i}`, true, 16)))
  const spare = eni(1, [cidr('q0', true, 0)])
  const decision = decideActions(state([primary, spare]), c, limits, 500)
  assert.not.ok(decision.actions.some((a) => a.kind === 'free-eni'))
})

test('custom networking never gives the primary ENI addresses; max pods stops growth', () => {
  const c = config({customNetworking: true})
  const limits = resolvePoolLimits(c, m5)
  const decision = decideActions(state([eni(0, [])]), c, limits, 0)
  assert.equal(decision.actions.map((a) => a.kind), ['attach-eni'])
  const capped = config({maxPods: 9})
  const full = state([eni(0, Array.from({length: 9}, (_, i) => cidr(`i${i}`, false, 1)))])
  const stop = decideActions(full, capped, resolvePoolLimits(capped, m5), 0)
  assert.is(stop.actions.length, 0)
  assert.ok(stop.low.cappedByMaxPods)
})

test('a live-like state: excluded and unmanaged ENIs, a trunk; reasons name the target that drove them', () => {
  const c = config({minimumIpTarget: 12, securityGroupsForPods: true, warmIpTarget: 2})
  const limits = resolvePoolLimits(c, findInstanceType('m5.xlarge')!)
  const primary = eni(0, Array.from({length: 4}, (_, i) => cidr(`10.0.0.${i + 10}/32`, false, 1)))
  const excluded = {...eni(1, [cidr('10.9.0.1/32', false)]), excluded: true}
  const trunk = {...eni(2, []), trunk: true}
  const live: PoolState = {enis: [trunk, primary, excluded], lastDecreaseAt: null, unmanagedEnis: 1}
  const decision = decideActions(live, c, limits, 100)
  assert.equal(decision.stats.totalIps, 4, 'the excluded ENI does not count')
  const [grow] = decision.actions
  assert.equal([grow.kind, grow.kind === 'assign' && grow.eniId, grow.kind === 'assign' && grow.count], ['assign', 'eni-0', 8])
  assert.is(grow.reason.target, 'MINIMUM_IP_TARGET')
  const full = {...live, enis: [trunk, eni(0, Array.from({length: 14}, (_, i) => cidr(`a${i}`, false, 1))), excluded]}
  const blocked = decideActions(full, c, limits, 100)
  assert.is(blocked.actions.length, 0, 'trunk, excluded and unmanaged ENIs use up the 4 slots')
  assert.match(blocked.blocked.join(), /no room for another ENI/)
  assert.is(blocked.low.target, 'WARM_IP_TARGET')
})

const arbitraryConfig = fc.record({
  minimumIpTarget: fc.integer({max: 40, min: 0}),
  prefixDelegation: fc.boolean(),
  warmEniTarget: fc.integer({max: 3, min: 0}),
  warmIpTarget: fc.integer({max: 20, min: 0}),
  warmPrefixTarget: fc.integer({max: 3, min: 0}),
})
const arbitraryOps = fc.array(fc.tuple(fc.constantFrom('add', 'remove', 'tick'), fc.integer({max: 30, min: 1})), {maxLength: 60})

test('property: the pool never exceeds the limits and never frees an assigned address', () => {
  fc.assert(
    fc.property(arbitraryConfig, fc.constantFrom('m5.large', 't3.small', 'c5.xlarge'), arbitraryOps, (partial, type, ops) => {
      const instance = findInstanceType(type)!
      const c = config({...partial, maxPods: 110})
      const limits = resolvePoolLimits(c, instance)
      const s = state([eni(0, [])])
      const pods: PodAddress[] = []
      let now = 0
      for (const [op, n] of ops) {
        now += 5
        if (op === 'add') for (let i = 0; i < n; i++) { const a = assignPodAddress(s, limits, now, 30); if (a) pods.push(a) }
        if (op === 'remove') for (const pod of pods.splice(0, n)) releasePodAddress(pod, now, 30)
        const assignedBefore = computePoolStats(s, limits).assignedIps
        for (const action of decideActions(s, c, limits, now).actions) applyAction(s, action, now)
        assert.is(computePoolStats(s, limits).assignedIps, assignedBefore, 'an assigned address was freed')
        assert.ok(s.enis.length <= limits.maxEni, 'more ENIs than the instance allows')
        for (const e of s.enis) assert.ok(e.cidrs.length <= limits.cidrsPerEni, 'more CIDRs on an ENI than it allows')
        assert.ok(s.enis.every((e) => e.cidrs.every((x) => x.assigned >= 0 && x.assigned <= (x.prefix ? 16 : 1))))
      }
    }),
    {numRuns: 300, seed: 42},
  )
})

test.run()
