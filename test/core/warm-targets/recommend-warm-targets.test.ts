import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {type IpamdConfig, MANIFEST_DEFAULTS, resolvePoolLimits} from '../../../src/core/ipamd/ipamd-config.js'
import {buildApplySnippets} from '../../../src/core/warm-targets/apply-snippets.js'
import {buildWorkload} from '../../../src/core/warm-targets/build-workload.js'
import {listCandidates} from '../../../src/core/warm-targets/candidate-settings.js'
import {recommendWarmTargets} from '../../../src/core/warm-targets/recommend-warm-targets.js'
import {findPitfalls} from '../../../src/core/warm-targets/warm-pitfalls.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

const test = suite('recommendWarmTargets')
const m5 = findInstanceType('m5.large')!
const base: IpamdConfig = {...MANIFEST_DEFAULTS, maxPods: 29}
const recommend = (shape: {burst: number; churnPerMinute: number; peak: number; pods: number}, extra: Partial<IpamdConfig> = {}, nodes = 50) =>
  recommendWarmTargets({base: {...base, ...extra}, instance: m5, nodes, shape, subnetFree: 4000})

test('recommends warm-IP targets that hold fewer idle IPs than the default, with no pod waiting', () => {
  const result = recommend({burst: 5, churnPerMinute: 1, peak: 20, pods: 15})
  const rec = result.recommendation
  assert.ok(rec.feasible)
  assert.is(rec.metrics.podsWaited, 0)
  assert.ok(Number(rec.env.WARM_IP_TARGET) >= 5, 'a burst of 5 needs at least 5 warm IPs')
  assert.is(rec.env.MINIMUM_IP_TARGET, '15')
  const fallback = result.alternatives.find((a) => a.isDefault)!
  assert.equal(fallback.env, {WARM_ENI_TARGET: '1'})
  assert.ok(rec.metrics.idleIpsPerNode < fallback.metrics.idleIpsPerNode)
  assert.ok(Object.values(rec.env).every((v) => typeof v === 'string'))
  assert.is(rec.metrics.idleIpsCluster, rec.metrics.idleIpsPerNode * 50)
  assert.ok(result.alternatives.some((a) => !a.feasible && a.metrics.idleIpsPerNode < rec.metrics.idleIpsPerNode), 'shows what a leaner setting costs')
})

test('a bigger burst needs a bigger warm pool', () => {
  const small = recommend({burst: 2, churnPerMinute: 0, peak: 10, pods: 10}).recommendation
  const big = recommend({burst: 12, churnPerMinute: 0, peak: 10, pods: 10}).recommendation
  assert.ok(big.metrics.idleIpsPerNode > small.metrics.idleIpsPerNode)
})

test('candidates never set MINIMUM_IP_TARGET without WARM_IP_TARGET; PD offers WARM_PREFIX_TARGET ≥ 1', () => {
  const limits = resolvePoolLimits(base, m5)
  for (const c of listCandidates(base, limits, {burst: 0, churnPerMinute: 0, peak: 20, pods: 10})) {
    assert.ok(!('MINIMUM_IP_TARGET' in c.env) || 'WARM_IP_TARGET' in c.env)
  }

  const pd = {...base, maxPods: 110, prefixDelegation: true}
  const coarse = listCandidates(pd, resolvePoolLimits(pd, m5), {burst: 0, churnPerMinute: 0, peak: 20, pods: 10}).filter((c) => 'WARM_PREFIX_TARGET' in c.env)
  assert.equal(coarse.map((c) => c.env.WARM_PREFIX_TARGET), ['1', '2', '3'])
})

/** The config a candidate's apply line leaves on a node that had `base`: its env set, the warm-IP variables removed if absent. */
function applied(from: IpamdConfig, env: Record<string, string>): IpamdConfig {
  const ip = 'WARM_IP_TARGET' in env ? {} : {minimumIpTarget: 0, warmIpTarget: 0}
  const fields: Record<string, keyof IpamdConfig> = {
    MINIMUM_IP_TARGET: 'minimumIpTarget', WARM_ENI_TARGET: 'warmEniTarget', WARM_IP_TARGET: 'warmIpTarget', WARM_PREFIX_TARGET: 'warmPrefixTarget',
  }
  const set = Object.fromEntries(Object.entries(env).map(([name, value]) => [fields[name], Number(value)]))
  return {...from, ...ip, ...set}
}

test('every candidate simulates exactly the setting its apply line writes, whatever the user set before', () => {
  const shape = {burst: 3, churnPerMinute: 0, peak: 12, pods: 10}
  const bases: IpamdConfig[] = [
    {...base, minimumIpTarget: 7, warmIpTarget: 3},
    {...base, warmIpTarget: 3},
    {...base, maxPods: 110, minimumIpTarget: 4, prefixDelegation: true, warmIpTarget: 2, warmPrefixTarget: 0},
  ]
  for (const from of bases) {
    for (const c of listCandidates(from, resolvePoolLimits(from, m5), shape)) {
      assert.equal(c.config, applied(from, c.env), JSON.stringify(c.env))
    }
  }
})

test('with WARM_IP_TARGET=3 already set, the default row is the real default (issue 5 review, finding 1)', () => {
  const result = recommend({burst: 3, churnPerMinute: 0, peak: 10, pods: 10}, {warmIpTarget: 3})
  const rows = [result.recommendation, ...result.alternatives]
  const fallback = rows.find((r) => r.isDefault)!
  const plain = recommend({burst: 3, churnPerMinute: 0, peak: 10, pods: 10})
  const plainDefault = [plain.recommendation, ...plain.alternatives].find((r) => r.isDefault)!
  assert.equal(fallback.metrics, plainDefault.metrics)
  assert.not.equal(result.recommendation.env, {WARM_ENI_TARGET: '1'})
})

test('prefix delegation: the env turns it on, and the fragmented-subnet pitfall is named', () => {
  const result = recommend({burst: 10, churnPerMinute: 2, peak: 50, pods: 30}, {maxPods: 110, prefixDelegation: true})
  assert.is(result.recommendation.env.ENABLE_PREFIX_DELEGATION, 'true')
  assert.ok(result.pitfalls.some((p) => p.code === 'prefix-fragmentation' && /InsufficientCidrBlocks/.test(p.message)))
})

test('pitfalls: MINIMUM_IP_TARGET alone, WARM_IP_TARGET alone, EC2 throttling, custom networking with WARM_ENI_TARGET=0', () => {
  const quiet = {ec2CallsPerHourCluster: 0, ec2CallsPerHourPerNode: 0, idleIpsCluster: 0, idleIpsPerNode: 0, longestWaitSeconds: 0, nodesUntilSubnetFull: null, peakHeldIpsPerNode: 0, podsWaited: 0, podsWithoutAddress: 0, subnetIpsPerNode: 0}
  const codes = (extra: Partial<IpamdConfig>, metrics = quiet) => findPitfalls({...base, ...extra}, metrics, false).map((p) => p.code)
  assert.equal(codes({minimumIpTarget: 10}), ['minimum-without-warm'])
  assert.equal(codes({warmIpTarget: 1}), ['warm-ip-without-minimum'])
  assert.equal(codes({minimumIpTarget: 10, warmIpTarget: 1}, {...quiet, ec2CallsPerHourCluster: 5000}), ['ec2-throttling'])
  assert.equal(codes({customNetworking: true, warmEniTarget: 0}), ['warm-eni-zero-flapping'])
})

test('the synthetic workload: burst, ramp to the peak and back, churn as replacements', () => {
  const events = buildWorkload({burst: 4, churnPerMinute: 1, peak: 12, pods: 10})
  assert.is(events.reduce((sum, e) => sum + e.delta, 0), 0, 'ends where it started')
  assert.ok(events.some((e) => e.atSeconds === 600 && e.delta === 4))
  assert.is(events.filter((e) => e.delta === 1).length - 2, 119, '2 ramp steps up plus 119 churn arrivals')
})

test('apply snippets: env block, kubectl set env, configurationValues with string values', () => {
  const warm = buildApplySnippets({WARM_IP_TARGET: '5', MINIMUM_IP_TARGET: '30'})
  assert.is(warm.kubectl, 'kubectl set env daemonset aws-node -n kube-system WARM_IP_TARGET=5 MINIMUM_IP_TARGET=30')
  assert.equal(JSON.parse(warm.configurationValues), {env: {MINIMUM_IP_TARGET: '30', WARM_IP_TARGET: '5'}})
  assert.match(warm.envBlock, /- name: WARM_IP_TARGET\n {4}value: "5"/)
  const coarse = buildApplySnippets({WARM_ENI_TARGET: '1'})
  assert.match(coarse.kubectl, /WARM_ENI_TARGET=1 WARM_IP_TARGET- MINIMUM_IP_TARGET-$/)
  // The add-on line expresses the same change: the warm-IP variables off (0 is unset to ipamd), not left as they were.
  assert.equal(JSON.parse(coarse.configurationValues), {env: {MINIMUM_IP_TARGET: '0', WARM_ENI_TARGET: '1', WARM_IP_TARGET: '0'}})
  assert.ok(coarse.updateAddon.includes(coarse.configurationValues))
  assert.match(coarse.envBlock, /# and remove WARM_IP_TARGET and MINIMUM_IP_TARGET from the env, if set$/)
  const prefix = buildApplySnippets({ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1'})
  assert.equal(JSON.parse(prefix.configurationValues).env, {ENABLE_PREFIX_DELEGATION: 'true', MINIMUM_IP_TARGET: '0', WARM_IP_TARGET: '0', WARM_PREFIX_TARGET: '1'})
})

test.run()
