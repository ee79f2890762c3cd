import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {addDemand, computeNodeDemand, emptySubnetDemand} from '../../../src/core/demand/node-demand.js'
import {type IpamdConfig, MANIFEST_DEFAULTS} from '../../../src/core/ipamd/ipamd-config.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

const test = suite('demand model: addresses one node holds, by subnet')

const demand = (type: string, pods: number, config: Partial<IpamdConfig> = {}, churnPerHour?: number, branchPods?: number) =>
  computeNodeDemand({branchPods, churnPerHour, config: {...MANIFEST_DEFAULTS, maxPods: 110, ...config}, instance: findInstanceType(type)!, pods})

test('default WARM_ENI_TARGET=1: 3 ENIs of 9 on an m5.large with 20 pods (ipamd-algorithm.md §9 row 3)', () => {
  const d = demand('m5.large', 20, {maxPods: 29})
  assert.equal(d.nodeSubnet, {branchAddresses: 0, churnAddresses: 0, eniPrimaries: 2, nodePrimary: 1, podAddresses: 20, prefixes: 0, total: 30, warmAddresses: 7})
  assert.is(d.podSubnet, null)
  assert.is(d.enis, 3)
  assert.is(d.mode, 'secondary-ip')
})

test('custom networking: the primary ENI keeps only the node address in the node subnet; the rest is in the ENIConfig subnet', () => {
  const d = demand('m5.large', 0, {customNetworking: true, maxPods: 20})
  assert.is(d.nodeSubnet.total, 1)
  assert.is(d.nodeSubnet.nodePrimary, 1)
  assert.equal(d.podSubnet, {branchAddresses: 0, churnAddresses: 0, eniPrimaries: 1, nodePrimary: 0, podAddresses: 0, prefixes: 0, total: 10, warmAddresses: 9})
  const busy = demand('m5.large', 15, {customNetworking: true, maxPods: 20})
  assert.is(busy.podSubnet!.eniPrimaries, 2)
  assert.is(busy.podSubnet!.podAddresses, 15)
  assert.is(busy.nodeSubnet.total, 1)
})

test('prefix delegation: /28 blocks, addresses held are 16 per prefix (§9 row 11)', () => {
  const d = demand('m5.large', 20, {prefixDelegation: true})
  assert.is(d.mode, 'prefix')
  assert.is(d.nodeSubnet.prefixes, 3)
  assert.is(d.nodeSubnet.podAddresses + d.nodeSubnet.warmAddresses, 48)
  assert.is(d.nodeSubnet.eniPrimaries, 0)
  assert.is(d.nodeSubnet.total, 49)
})

test('prefix delegation on a Xen type falls back to secondary IPs: no prefixes', () => {
  const d = demand('m4.large', 5, {maxPods: 20, prefixDelegation: true})
  assert.is(d.mode, 'secondary-ip')
  assert.is(d.nodeSubnet.prefixes, 0)
})

test('security groups for pods: the trunk ENI primary address counts, in the ENIConfig subnet under custom networking', () => {
  const plain = demand('m5.large', 5, {maxPods: 29})
  const sgp = demand('m5.large', 5, {maxPods: 29, securityGroupsForPods: true})
  assert.ok(sgp.trunk)
  assert.is(sgp.nodeSubnet.eniPrimaries, plain.nodeSubnet.eniPrimaries + 1)
  const custom = demand('m5.large', 5, {customNetworking: true, maxPods: 20, securityGroupsForPods: true})
  assert.is(custom.nodeSubnet.total, 1)
  assert.is(custom.podSubnet!.eniPrimaries, custom.enis - 1 + 1)
})

test('prefix delegation with custom networking: the prefixes come from the ENIConfig subnet, none from the node subnet', () => {
  const d = demand('m5.large', 20, {customNetworking: true, prefixDelegation: true})
  assert.equal(d.nodeSubnet, {branchAddresses: 0, churnAddresses: 0, eniPrimaries: 0, nodePrimary: 1, podAddresses: 0, prefixes: 0, total: 1, warmAddresses: 0})
  assert.is(d.podSubnet!.prefixes, 3)
  assert.is(d.podSubnet!.eniPrimaries, 1)
  assert.is(d.podSubnet!.podAddresses + d.podSubnet!.warmAddresses, 48)
})

test('pods beyond what the node can address are counted, not hidden', () => {
  const d = demand('m5.large', 30, {maxPods: 29})
  assert.is(d.podsWithoutAddress, 3)
  assert.is(d.nodeSubnet.podAddresses, 27)
})

test('churn: a small WARM_IP_TARGET grows under replacements (released addresses cool 30 s); no churn, no extra', () => {
  const config = {minimumIpTarget: 10, warmIpTarget: 1}
  assert.is(demand('m5.xlarge', 10, config).nodeSubnet.churnAddresses, 0)
  const churned = demand('m5.xlarge', 10, config, 600)
  assert.ok(churned.nodeSubnet.churnAddresses > 0, JSON.stringify(churned.nodeSubnet))
  assert.is(churned.nodeSubnet.total, churned.nodeSubnet.nodePrimary + churned.nodeSubnet.eniPrimaries + churned.nodeSubnet.podAddresses
    + churned.nodeSubnet.warmAddresses + churned.nodeSubnet.churnAddresses)
})

test('addDemand sums per node × count', () => {
  const one = demand('m5.large', 20, {maxPods: 29}).nodeSubnet
  const sum = addDemand(addDemand(emptySubnetDemand(), one, 3), one, 2)
  assert.is(sum.total, 150)
  assert.is(sum.nodePrimary, 5)
})

test('prefix delegation with WARM_PREFIX_TARGET=2: sized at the fullest of ipamd\'s random orders, not the packed lower bound', () => {
  const d = demand('m5.large', 20, {prefixDelegation: true, warmPrefixTarget: 2})
  assert.equal(d.placement, {packedIps: 64, runs: 20, totalIps: {max: 80, median: 80, min: 64}})
  assert.is(d.nodeSubnet.podAddresses + d.nodeSubnet.warmAddresses, 80)
  assert.is(d.nodeSubnet.prefixes, 5)
  assert.is(demand('m5.large', 20, {prefixDelegation: true}).placement, null)
})

test('a pool that never settles (WARM_ENI_TARGET=0, custom networking) is sized at the high point of its flap', () => {
  const d = demand('m5.large', 9, {customNetworking: true, maxPods: 20, warmEniTarget: 0})
  assert.is(d.settled, false)
  assert.is(d.podSubnet!.podAddresses, 9)
  assert.is(d.podSubnet!.podAddresses + d.podSubnet!.warmAddresses, 18)
  assert.is(d.podSubnet!.total, 20)
})

test('security groups for pods: one subnet address per branch-ENI pod, up to the type\'s branch interfaces', () => {
  const plain = demand('m5.large', 10, {maxPods: 29, securityGroupsForPods: true})
  const branched = demand('m5.large', 10, {maxPods: 29, securityGroupsForPods: true}, undefined, 6)
  assert.is(branched.nodeSubnet.branchAddresses, 6)
  assert.is(branched.nodeSubnet.total, plain.nodeSubnet.total + 6)
  assert.is(branched.branchPodsWithoutEni, 0)
  // m5.large has 9 branch interfaces (the resource controller's limits): 3 more pods get none.
  const over = demand('m5.large', 10, {maxPods: 29, securityGroupsForPods: true}, undefined, 12)
  assert.equal([over.nodeSubnet.branchAddresses, over.branchPodsWithoutEni, over.podsWithoutAddress], [9, 3, 3])
  // Custom networking: the trunk and its branches are in the ENIConfig subnet.
  const custom = demand('m5.large', 10, {customNetworking: true, maxPods: 20, securityGroupsForPods: true}, undefined, 4)
  assert.equal([custom.nodeSubnet.branchAddresses, custom.podSubnet!.branchAddresses], [0, 4])
})

test.run()
