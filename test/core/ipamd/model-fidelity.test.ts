import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {decideActions} from '../../../src/core/ipamd/decide-actions.js'
import {ec2CallsOf} from '../../../src/core/ipamd/ipamd-action.js'
import {buildSimulateReport} from '../../../src/core/ipamd/build-simulate-report.js'
import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {parseTrace} from '../../../src/core/ipamd/parse-trace.js'
import {assignPodAddress} from '../../../src/core/ipamd/place-pod.js'
import {shouldRemoveExtraEnis} from '../../../src/core/ipamd/plan-free-eni.js'
import {computePoolStats} from '../../../src/core/ipamd/pool-stats.js'
import {type CidrState, type EniState, latestTime, type PoolState} from '../../../src/core/ipamd/pool-state.js'
import {settlePool} from '../../../src/core/ipamd/settle-pool.js'
import {simulateSteadyState} from '../../../src/core/ipamd/simulate-steady-state.js'
import {simulateWorkload} from '../../../src/core/ipamd/simulate-workload.js'
import {DEFAULT_EC2_LATENCY} from '../../../src/core/ipamd/workload.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

// Where the model disagreed with ipamd's Go sources (issue 11, "Model fidelity"); each test failed before its fix.
const test = suite('ipamd model fidelity (issue 11)')

const m5 = findInstanceType('m5.large')!
const config = (extra: Partial<IpamdConfig>): IpamdConfig => ({...MANIFEST_DEFAULTS, maxPods: 29, ...extra})
const cidr = (id: string, prefix: boolean, assigned = 0, coolingSince: number[] = []): CidrState => ({assigned, coolingSince, id, prefix})
const eni = (deviceIndex: number, cidrs: CidrState[], extra: Partial<EniState> = {}): EniState => ({
  attachedAt: 0, cidrs, deviceIndex, excluded: false, id: `eni-${deviceIndex}`, primary: deviceIndex === 0, subnetId: 's', trunk: false, ...extra,
})
const state = (enis: EniState[], lastDecreaseAt: null | number = null): PoolState => ({enis, lastDecreaseAt, unmanagedEnis: 0})
const ips = (device: number, n: number, assigned: number, coolingSince: number[] = []) =>
  Array.from({length: n}, (_, i) => cidr(`${device}-${i}`, false, i < assigned ? 1 : 0, i === n - 1 ? coolingSince : []))

const simulate = (type: string, pods: number, extra: Partial<IpamdConfig>, maxPods: number, trace?: string) =>
  buildSimulateReport({
    config: {...MANIFEST_DEFAULTS, maxPods, ...extra},
    instance: findInstanceType(type)!,
    latency: DEFAULT_EC2_LATENCY,
    pods,
    trace: trace === undefined ? undefined : {durationSeconds: 600, events: parseTrace(trace), name: 'trace'},
  })

test('the trace starts after the steady ramp: ENIs attached late in it are freed within seconds once idle', () => {
  // 200 pods with WARM_IP_TARGET=1 take 200 reconciles to ramp up, so the last ENIs attach long after 3600 s.
  const result = simulate('m5.metal', 200, {warmIpTarget: 1}, 250, '0,-,200')
  const trace = result.trace!
  // The release leaves WARM_IP_TARGET's one address on the last ENI, which keeps it; the other three go.
  assert.is(trace.eniFrees, 3)
  assert.equal(trace.timeline.find((s) => s.seconds === 30), {assigned: 0, enis: 2, held: 1, seconds: 30})
  assert.is(result.steadyState.enis, 2)
})

test('a run may not start before the times in its state', () => {
  const config: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 250, warmIpTarget: 1}
  const limits = resolvePoolLimits(config, findInstanceType('m5.metal')!)
  const steady = simulateSteadyState(config, limits, 200)
  assert.ok(steady.now >= latestTime(steady.state) && steady.now > 3600)
  assert.throws(() => simulateWorkload({config, durationSeconds: 60, events: [], limits, state: steady.state, startAt: 3600}), /before the state's time/)
})

test('settled describes the pool with all the pods; the flap at 9 pods (WARM_ENI_TARGET=0) is reported for 9, not 10', () => {
  const result = simulate('m5.large', 10, {warmEniTarget: 0}, 29)
  assert.ok(result.settled)
  assert.equal(result.steps.filter((step) => !step.settled).map((step) => step.pods), [9])
  assert.ok(result.warnings.some((w) => w.startsWith('the pool never settles with 9 pods') && w.endsWith('with 10 it does')), result.warnings.join('\n'))
  const nine = simulate('m5.large', 9, {warmEniTarget: 0}, 29)
  assert.not.ok(nine.settled)
  assert.equal(nine.warnings, ['the pool never settles with 9 pods: ipamd keeps attaching and freeing (a flapping configuration)'])
})

test('the IP cooldown and the release throttle still hold at their last second (<=, as data_store.go and ipamd.go compare)', () => {
  const c = config({minimumIpTarget: 3, warmIpTarget: 2})
  const limits = resolvePoolLimits(c, m5)
  const surplus = () => [eni(0, ips(0, 9, 2))]
  assert.equal(decideActions(state(surplus(), 80), c, limits, 110).actions, [], 'released 30 s ago: still throttled')
  assert.equal(decideActions(state(surplus(), 79), c, limits, 110).actions.map((a) => a.kind), ['release'])
  const d = config({})
  const spare = (coolingSince: number[]) => state([eni(0, ips(0, 9, 5)), eni(1, ips(1, 9, 0, coolingSince)), eni(2, ips(2, 9, 1))])
  assert.equal(decideActions(spare([470]), d, resolvePoolLimits(d, m5), 500).actions, [], 'an address freed 30 s ago still cools')
  assert.equal(decideActions(spare([469]), d, resolvePoolLimits(d, m5), 500).actions.map((a) => a.kind), ['free-eni'])
  const last = state([eni(0, [cidr('a', false, 0, [470])])])
  assert.is(assignPodAddress(last, resolvePoolLimits(d, m5), 500, 30), null, 'not handed out at the end of its cooldown')
  assert.ok(assignPodAddress(last, resolvePoolLimits(d, m5), 500.5, 30))
})

test('a steady run lets a cooling address come free for a waiting pod, though ipamd has nothing to do', () => {
  // MINIMUM_IP_TARGET=3 keeps the three addresses: one pod, one free (WARM_IP_TARGET's), one released at 95 s and cooling.
  const c = config({minimumIpTarget: 3, warmIpTarget: 1})
  const limits = resolvePoolLimits(c, m5)
  const initial = state([eni(0, [cidr('a', false, 1), cidr('b', false), cidr('c', false, 0, [95])])])
  const result = simulateSteadyState(c, limits, 2, initial)
  assert.is(result.podsWithoutAddress, 0, 'the second new pod waits for the cooling address')
  assert.is(result.steadyState.assignedIps, 3)
  assert.ok(result.now > 95 + c.ipCooldownSeconds)
})

test('an EFA ENI is never freed, empty or not; CheckFreeableENIexists ignores it in PD mode', () => {
  const c = config({})
  const limits = resolvePoolLimits(c, m5)
  const efa = eni(1, ips(1, 9, 0), {efa: true})
  const both = decideActions(state([eni(0, ips(0, 9, 5)), efa, eni(2, ips(2, 9, 0))]), c, limits, 500)
  assert.equal(both.actions.map((a) => a.kind === 'free-eni' && a.eniId), ['eni-2'])
  assert.equal(decideActions(state([eni(0, ips(0, 9, 0)), efa, eni(2, ips(2, 9, 1))]), c, limits, 500).actions, [])
  const p = config({maxPods: 110, prefixDelegation: true, warmPrefixTarget: 1})
  const prefixes = (d: number, used: number, free: number) => [
    ...Array.from({length: used}, (_, i) => cidr(`${d}-u${i}`, true, 16)),
    ...Array.from({length: free}, (_, i) => cidr(`${d}-f${i}`, true)),
  ]
  const pdLimits = resolvePoolLimits(p, m5)
  const pd = state([eni(0, prefixes(0, 3, 1)), eni(1, prefixes(1, 0, 1), {efa: true})])
  assert.not.ok(shouldRemoveExtraEnis(pd.enis, computePoolStats(pd, pdLimits), p, pdLimits))
})

test("prefixes on an excluded ENI count in ipamd's total prefixes (allocatedPrefix), so the surplus over WARM_IP_TARGET goes", () => {
  const c = config({maxPods: 110, prefixDelegation: true, warmIpTarget: 16})
  const limits = resolvePoolLimits(c, m5)
  const primary = eni(0, [cidr('p0', true, 1), cidr('p1', true)])
  const excluded = eni(1, [cidr('x0', true), cidr('x1', true)], {excluded: true})
  const decision = decideActions(state([primary, excluded]), c, limits, 500)
  assert.equal([decision.stats.totalPrefixes, decision.stats.freePrefixes, decision.stats.totalIps], [4, 3, 32])
  // Over = min(free 3, total 4 − ceil((1 + 16) / 16) = 2) = 2 prefixes.
  assert.equal(decision.actions.flatMap((a) => (a.kind === 'release' ? a.cidrIds : [])), ['p1', 'x0'])
})

test('a release may take CIDRs of the other mode, one Unassign call per kind (FindFreeableCidrs, DeallocCidrs)', () => {
  const c = config({warmIpTarget: 2})
  const limits = resolvePoolLimits(c, m5)
  // Secondary-IP mode with a /28 left over from prefix delegation: 7 of the 9 /32s are free, 5 above the target.
  const primary = eni(0, [cidr('10.0.5.0/28', true), ...ips(0, 9, 2)])
  const decision = decideActions(state([primary]), c, limits, 500)
  assert.equal(
    decision.actions.map((a) => a.kind === 'release' && [a.unit, a.cidrIds]),
    [['prefix', ['10.0.5.0/28']], ['ip', ['0-2', '0-3', '0-4', '0-5']]],
  )
  assert.equal(decision.actions.flatMap(ec2CallsOf), ['UnassignPrivateIpAddresses', 'UnassignPrivateIpAddresses'])
})

test('after InsufficientCidrBlocks ipamd tries no growth for 120 s, through the last second', () => {
  const c = config({warmIpTarget: 5})
  const limits = resolvePoolLimits(c, m5)
  const short = (insufficientCidrAt: number): PoolState => ({...state([eni(0, ips(0, 4, 2))]), insufficientCidrAt})
  const frozen = decideActions(short(380), c, limits, 500)
  assert.equal(frozen.actions, [])
  assert.match(frozen.blocked.join(), /growth waits until 500 s: the subnet ran out \(InsufficientCidrBlocks\) at 380 s/)
  assert.equal(decideActions(short(379), c, limits, 500).actions.map((a) => a.kind), ['assign'])
  // The timed run wakes when the freeze ends, whether or not it skips the quiet ticks in between.
  const run = (skipQuietTicks: boolean) =>
    simulateWorkload({config: c, durationSeconds: 300, events: [], limits, sampleEverySeconds: 5, skipQuietTicks, state: short(380), startAt: 400})
  const fast = run(true)
  assert.equal(fast, run(false))
  const settled = settlePool(short(380), c, limits, 400)
  assert.equal([settled.settled, settled.actions.map((a) => a.kind)], [true, ['assign']])
  assert.ok(settled.now > 500)
  // Still frozen at 500 s; the assign goes out at the next tick, 505 s, returns at 506 s and shows in the 510 s sample.
  assert.is(fast.timeline.find((s) => s.held > 4)?.seconds, 110)
})

test("ipamd's random order holds more prefixes than packing with WARM_PREFIX_TARGET=2 (m5.large, 29 pods: 5 / 80 against 4 / 64)", () => {
  const result = simulate('m5.large', 29, {prefixDelegation: true, warmPrefixTarget: 2}, 110)
  assert.equal([result.steadyState.prefixes, result.steadyState.totalIps], [4, 64], 'packed: the lower bound')
  const order = result.ipamdOrder!
  assert.equal([order.prefixes.median, order.totalIps.median, order.totalIps.min], [5, 80, 64])
  assert.is(simulate('m5.large', 29, {prefixDelegation: true}, 110).ipamdOrder, undefined, 'WARM_PREFIX_TARGET=1 grows on counts alone')
})

test('room on an ENI counts CIDRs of either mode: /32s left from secondary-IP mode take prefix slots (GetAllocatableENIs)', () => {
  const c = config({maxPods: 110, prefixDelegation: true, warmIpTarget: 48})
  const limits = resolvePoolLimits(c, m5)
  const leftover = ips(0, 3, 0)
  const used = (n: number) => Array.from({length: n}, (_, i) => cidr(`p${i}`, true, 16))
  const grow = (prefixes: number) => decideActions(state([eni(0, [...leftover, ...used(prefixes)])]), c, limits, 500).actions
  assert.equal(grow(4).map((a) => a.kind === 'assign' && [a.eniId, a.count]), [['eni-0', 2]], '3 prefixes short, 2 slots left')
  assert.equal(grow(6).map((a) => a.kind), ['attach-eni'], 'all 9 slots taken')
})

test("the WARM_PREFIX_TARGET guard on freeing an ENI counts the other ENIs' free CIDRs of either mode (isRequiredForWarmPrefixTarget)", () => {
  const c = config({maxPods: 110, prefixDelegation: true})
  const limits = resolvePoolLimits(c, m5)
  const primary = eni(0, [cidr('10.0.0.9/32', false), ...Array.from({length: 3}, (_, i) => cidr(`p${i}`, true, 16))])
  const spare = eni(1, [cidr('q0', true)])
  assert.equal(decideActions(state([primary, spare]), c, limits, 500).actions.map((a) => a.kind === 'free-eni' && a.eniId), ['eni-1'])
})

test.run()
