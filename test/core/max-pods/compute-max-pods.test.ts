import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseCniVersion} from '../../../src/core/cni-version.js'
import type {CniLimitRecord} from '../../../src/core/instance-facts.js'
import {computeMaxPods, type MaxPodsOptions} from '../../../src/core/max-pods/compute-max-pods.js'
import {allInstanceTypes, findInstanceType} from '../../../src/data/instance-catalog.js'
import {VCPU_FACTS} from '../../../scripts/vcpu-facts.js'
import {readSharedData} from '../../helpers/shared-data.js'

const newest = parseCniVersion('v1.23.0')
const base: MaxPodsOptions = {
  cniVersion: newest,
  customNetworking: false,
  noCap: false,
  prefixDelegation: false,
  securityGroupsForPods: false,
}

function maxPodsOf(type: string, options: Partial<MaxPodsOptions> = {}) {
  const limits = findInstanceType(type)
  assert.ok(limits, `${type} is in the embedded table`)
  return computeMaxPods(limits, {...base, ...options})
}

const known = suite('computeMaxPods: published values')

const cases: Array<[string, Partial<MaxPodsOptions>, number, number]> = [
  // [type, options, maxPods, uncappedMaxPods]
  ['m5.large', {}, 29, 29],
  ['m5.large', {prefixDelegation: true}, 110, 434],
  ['m5.large', {customNetworking: true}, 20, 20],
  ['m5.large', {customNetworking: true, prefixDelegation: true}, 110, 290],
  ['c5.4xlarge', {}, 110, 234],
  ['t3.micro', {prefixDelegation: true}, 34, 34],
  ['t3.nano', {}, 4, 4],
  ['t3.nano', {customNetworking: true}, 3, 3],
  ['p5.48xlarge', {}, 100, 100],
  ['m5.24xlarge', {}, 250, 737],
  ['m5.metal', {prefixDelegation: true, noCap: true}, 11_762, 11_762],
  ['m5.metal', {}, 250, 737],
  ['hpc6id.32xlarge', {customNetworking: true}, 2, 2],
]
for (const [type, options, maxPods, uncapped] of cases) {
  known(`${type} ${JSON.stringify(options)} → ${maxPods} (IP-limited ${uncapped})`, () => {
    const result = maxPodsOf(type, options)
    assert.is(result.maxPods, maxPods)
    assert.is(result.uncappedMaxPods, uncapped)
  })
}

known('the cap is 110 up to 30 vCPUs and 250 above', () => {
  assert.is(maxPodsOf('c5.4xlarge').cap, 110)
  assert.is(maxPodsOf('m5.8xlarge').cap, 250)
})

known('--max-eni limits the ENIs; values at or above the limit change nothing', () => {
  assert.is(maxPodsOf('m5.large', {maxEni: 2}).uncappedMaxPods, 2 * 9 + 2)
  assert.is(maxPodsOf('m5.large', {maxEni: 3}).uncappedMaxPods, 29)
  assert.is(maxPodsOf('m5.large', {maxEni: 9}).uncappedMaxPods, 29)
})

known('MAX_ENI is applied before custom networking and the trunk', () => {
  const r = maxPodsOf('m5.xlarge', {customNetworking: true, maxEni: 3, securityGroupsForPods: true})
  assert.is(r.enis.afterMaxEni, 3)
  assert.is(r.enis.usable, 1)
  assert.is(r.uncappedMaxPods, 1 * 14 + 2)
})

known('security groups for pods reserve the trunk ENI on trunk-capable types only', () => {
  assert.is(maxPodsOf('m5.large', {securityGroupsForPods: true}).uncappedMaxPods, 2 * 9 + 2)
  const xen = maxPodsOf('m4.large', {securityGroupsForPods: true})
  assert.is(xen.trunkCompatible, false)
  assert.is(xen.enis.trunkReserved, 0)
  assert.equal(xen.warnings.map((w) => w.code), ['trunk-unavailable'])
})

known('a type missing from the trunk table is counted with a trunk, and says so', () => {
  const r = maxPodsOf('c7i.32xlarge', {securityGroupsForPods: true})
  assert.is(r.trunkCompatible, null)
  assert.is(r.enis.trunkReserved, 1)
  assert.ok(r.warnings.map((w) => w.code).includes('trunk-unknown'))
})

known('prefix delegation falls back on Xen, on an old CNI, and on bare metal before v1.11.0', () => {
  const xen = maxPodsOf('m4.large', {prefixDelegation: true})
  assert.is(xen.mode, 'secondary-ip')
  assert.is(xen.uncappedMaxPods, 20)
  assert.equal(xen.warnings.map((w) => w.code), ['prefix-not-nitro'])
  const old = maxPodsOf('m5.large', {cniVersion: parseCniVersion('1.8.0'), prefixDelegation: true})
  assert.is(old.maxPods, 29)
  assert.equal(old.warnings.map((w) => w.code), ['prefix-cni-too-old'])
  assert.is(maxPodsOf('m5.large', {cniVersion: parseCniVersion('1.9.0'), prefixDelegation: true}).uncappedMaxPods, 434)
  const metal = maxPodsOf('m5.metal', {cniVersion: parseCniVersion('1.10.0'), prefixDelegation: true})
  assert.is(metal.mode, 'secondary-ip')
  assert.equal(metal.warnings.map((w) => w.code), ['prefix-bare-metal-cni-too-old'])
  assert.is(maxPodsOf('m5.metal', {cniVersion: parseCniVersion('1.11.0'), prefixDelegation: true}).mode, 'prefix')
})

known('types without a vCPU count get the smaller cap, never the uncapped value, with a warning', () => {
  const r = maxPodsOf('c7i.32xlarge')
  assert.is(r.vcpus, null)
  assert.is(r.capDerived, false)
  assert.is(r.uncappedMaxPods, 737)
  assert.is(r.maxPods, 110)
  assert.equal(r.warnings.map((w) => w.code), ['cap-unknown'])
  assert.ok(r.warnings[0].message.includes('cap cannot be derived'))
  assert.not.ok(JSON.stringify(r).includes('does not describe'))
  assert.is(maxPodsOf('c5a.metal', {prefixDelegation: true}).maxPods, 110)
  const noCap = maxPodsOf('c7i.32xlarge', {noCap: true})
  assert.is(noCap.maxPods, 737)
  assert.equal(noCap.warnings, [])
})

known('the cited vCPU counts of retired types give their real cap', () => {
  assert.is(maxPodsOf('p3.16xlarge').vcpus, 64)
  assert.is(maxPodsOf('p3.16xlarge').maxPods, 234)
  assert.is(maxPodsOf('u-24tb1.metal', {prefixDelegation: true}).maxPods, 250)
  assert.is(maxPodsOf('p3.2xlarge', {prefixDelegation: true}).maxPods, 58)
  assert.ok(maxPodsOf('f1.2xlarge').capDerived)
})

known('no ENI left for pods is a warning, not a silent 2', () => {
  const r = maxPodsOf('m5.large', {customNetworking: true, maxEni: 2, securityGroupsForPods: true})
  assert.is(r.enis.usable, 0)
  assert.is(r.maxPods, 2)
  assert.equal(r.warnings.map((w) => w.code), ['no-pod-enis'])
  assert.ok(r.warnings[0].message.includes('no ENI carries pods'))
})

known('multi-card types count the default card only and note the others', () => {
  const r = maxPodsOf('p5.48xlarge')
  assert.is(r.enis.defaultCard, 2)
  assert.is(r.enis.allCards, 64)
  assert.ok(r.notes.some((n) => n.includes('32 network cards')))
})

const everyType = suite('computeMaxPods: every type in every mode, against the public facts')

const cni = readSharedData<Record<string, CniLimitRecord>>('cni-instance-limits.json')
const ec2 = readSharedData<Record<string, {VCpuInfo?: {DefaultVCpus?: number}}>>('ec2-instance-types.json')
const branch = readSharedData<Record<string, {IsTrunkingCompatible: boolean}>>('branch-limits.json')

everyType('the embedded table holds all 1,391 types of the CNI table; 14 of the 18 EC2 lacks have cited vCPUs, 4 none', () => {
  const types = allInstanceTypes()
  assert.is(types.length, 1391)
  assert.equal(types.map((t) => t.instanceType).sort(), Object.keys(cni).sort())
  assert.equal(Object.keys(cni).filter((t) => !ec2[t]).length, 18)
  assert.equal(types.filter((t) => t.vcpus === null).map((t) => t.instanceType).sort(), ['bmn-sf1.metal', 'c5a.metal', 'c5ad.metal', 'c7i.32xlarge'])
  for (const [type, fact] of Object.entries(VCPU_FACTS)) assert.is(findInstanceType(type)?.vcpus, fact.vcpus, type)
})

/** The rule as the spec states it, written independently of the product's code. */
function expected(type: string, mode: {cn: boolean; maxEni?: number; pd: boolean; sgp: boolean}, noCap: boolean): number {
  const row = cni[type]
  let enis = mode.maxEni !== undefined && mode.maxEni < row.ENILimit ? mode.maxEni : row.ENILimit
  if (mode.cn) enis -= 1
  if (mode.sgp && branch[type]?.IsTrunkingCompatible !== false) enis -= 1
  enis = Math.max(enis, 0)
  const pd = mode.pd && (row.HypervisorType === 'nitro' || row.IsBareMetal)
  const uncapped = enis * (row.IPv4Limit - 1) * (pd ? 16 : 1) + 2
  const vcpus = ec2[type]?.VCpuInfo?.DefaultVCpus ?? VCPU_FACTS[type]?.vcpus
  if (noCap) return uncapped
  return Math.min(uncapped, vcpus !== undefined && vcpus > 30 ? 250 : 110)
}

const modes = [
  {cn: false, pd: false, sgp: false},
  {cn: false, pd: true, sgp: false},
  {cn: true, pd: false, sgp: false},
  {cn: true, pd: true, sgp: false},
  {cn: false, pd: false, sgp: true},
  {cn: true, pd: true, sgp: true},
  {cn: false, maxEni: 2, pd: false, sgp: false},
  {cn: true, maxEni: 1, pd: true, sgp: true},
]
for (const mode of modes) {
  for (const noCap of [false, true]) {
    everyType(`${JSON.stringify(mode)} noCap=${noCap}: all 1,391 types`, () => {
      const wrong: string[] = []
      for (const limits of allInstanceTypes()) {
        const result = computeMaxPods(limits, {
          ...base,
          customNetworking: mode.cn,
          maxEni: mode.maxEni,
          noCap,
          prefixDelegation: mode.pd,
          securityGroupsForPods: mode.sgp,
        })
        const want = expected(limits.instanceType, mode, noCap)
        if (result.maxPods !== want) wrong.push(`${limits.instanceType}: ${result.maxPods} != ${want}`)
      }

      assert.equal(wrong.slice(0, 5), [])
    })
  }
}

everyType('secondary-IP mode without cap equals eni-max-pods.txt (ENIs × (IPv4 − 1) + 2) for every type', () => {
  for (const limits of allInstanceTypes()) {
    const row = cni[limits.instanceType]
    assert.is(computeMaxPods(limits, {...base, noCap: true}).maxPods, row.ENILimit * (row.IPv4Limit - 1) + 2, limits.instanceType)
  }
})

known.run()
everyType.run()
