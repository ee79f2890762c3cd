import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseCniVersion} from '../../../src/core/cni-version.js'
import {MANIFEST_DEFAULTS} from '../../../src/core/ipamd/ipamd-config.js'
import {buildPlan} from '../../../src/core/plan/build-plan.js'
import {parseIpv4Cidr} from '../../../src/core/plan/cidr.js'
import {findInstanceType} from '../../../src/data/instance-catalog.js'

/*
 * The EKS best-practices guide's subnet-calc.xlsx worked examples: 2 × m5.12xlarge at 100 pods and 1 × c5.2xlarge at 30 pods
 * in a /23. The spreadsheet says 351 of 510 used with WARM_ENI_TARGET=1 and 276 with WARM_IP_TARGET=1; vpccni's answers and
 * the mechanisms behind them are in the README (`vpccni plan`, "The subnet spreadsheet's worked examples").
 */
const test = suite('plan: the subnet spreadsheet\'s two worked examples, answered by the ipamd model')

const group = (name: string, type: string, nodes: number, pods: number) =>
  ({desired: nodes, instance: findInstanceType(type)!, max: nodes, maxPods: null, name, podsPerNode: pods, subnets: []})

function plan(env: Record<string, string>, settings: Partial<typeof MANIFEST_DEFAULTS>) {
  return buildPlan({
    churnPerHour: 0, cniVersion: parseCniVersion('v1.23.1'), env,
    groups: [group('m5.12xlarge', 'm5.12xlarge', 2, 100), group('c5.2xlarge', 'c5.2xlarge', 1, 30)],
    headroomPercent: 20, nodeSubnets: [{cidr: parseIpv4Cidr('10.0.0.0/23', 'x'), id: null, name: 'a', zone: 'a'}], podSubnets: [],
    settings: {...MANIFEST_DEFAULTS, ...settings}, source: 'spreadsheet',
  })
}

test('WARM_ENI_TARGET=1: 360 of 507 usable (spreadsheet: 351 of 510)', () => {
  const result = plan({WARM_ENI_TARGET: '1'}, {})
  const [big, small] = result.groups
  // m5.12xlarge: 29 IPs per ENI; 100 pods fill 4 ENIs (the 4th partly), so a 5th is kept warm: 145 IPs + 5 ENI primaries.
  assert.equal([big.perNode.enis, big.perNode.nodeSubnet.total], [5, 150])
  // c5.2xlarge: 14 IPs per ENI; 30 pods on 3 ENIs, a 4th warm: 56 IPs + 4 primaries.
  assert.equal([small.perNode.enis, small.perNode.nodeSubnet.total], [4, 60])
  const [subnet] = result.subnets
  assert.equal([subnet.max.total, subnet.usable, subnet.restAtMax, subnet.fitsAtMax], [360, 507, 147, true])
  assert.equal([subnet.max.nodePrimary, subnet.max.eniPrimaries, subnet.max.podAddresses, subnet.max.warmAddresses], [3, 11, 230, 116])
})

test('WARM_IP_TARGET=1: 244 of 507 (spreadsheet: 276), and the pods that then wait for an address', () => {
  const result = plan({WARM_IP_TARGET: '1'}, {warmIpTarget: 1})
  const [big, small] = result.groups
  // 101 IPs need 4 ENIs of 29; 31 IPs need 3 ENIs of 14: addresses plus each ENI's own.
  assert.equal([big.perNode.nodeSubnet.total, small.perNode.nodeSubnet.total], [105, 34])
  assert.is(result.subnets[0].max.total, 244)
  const given = result.alternatives[0]
  assert.is(given.option, 'as-given')
  assert.ok(given.podsWaited > 0, 'a one-address warm pool makes a rollout wait')
  assert.not.equal(result.pick.option, 'as-given')
})

test.run()
