import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError} from '../../../src/errors.js'
import {describeInstanceTypes} from '../../../src/sources/ec2/describe-instance-types.js'
import {describeNetworkInterfaces} from '../../../src/sources/ec2/describe-network-interfaces.js'
import {describeSubnets} from '../../../src/sources/ec2/describe-subnets.js'
import {dryRun} from '../../../src/sources/ec2/dry-run.js'
import {getSubnetCidrReservations} from '../../../src/sources/ec2/get-subnet-cidr-reservations.js'
import {type AwsLab, startAwsLab} from '../../lab/aws-lab.js'
import type {LabScenario} from '../../lab/ec2-scenario-spec.js'

const test = suite('EC2 faults: throttling, refusals, pages, timeouts, DryRun')
let lab: AwsLab
let scenario: LabScenario
const aws = {region: 'us-west-2'}
const calls = (action: string) => lab.ec2Requests().filter((r) => r.action === action)

test.before(async () => {
  lab = await startAwsLab()
  scenario = await lab.scenario()
})
test.before.each(() => lab.ec2.clearFaults())
test.after(async () => lab?.stop())

async function rejection(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise
  } catch (error) {
    assert.instance(error, SourceError)
    return error as SourceError
  }

  throw new Error('expected a SourceError')
}

test('RequestLimitExceeded twice, then success: the SDK retries', async () => {
  const before = calls('DescribeSubnets').length
  lab.ec2.addFault({action: 'DescribeSubnets', kind: 'throttle', times: 2})
  const subnets = await describeSubnets(aws, scenario.subnets.map((s) => s.subnetId))
  assert.is(subnets.length, 2)
  assert.is(calls('DescribeSubnets').length - before, 3)
})

test('UnauthorizedOperation: one exit-3 error naming the call and the IAM permission', async () => {
  lab.ec2.addFault({action: 'DescribeNetworkInterfaces', kind: 'unauthorized'})
  const error = await rejection(describeNetworkInterfaces(aws, [scenario.nodes[0].instanceId]))
  assert.is(error.exitCode, 3)
  assert.is(error.call, 'ec2:DescribeNetworkInterfaces')
  assert.is(error.permission, 'ec2:DescribeNetworkInterfaces')
  assert.match(error.message, /^ec2:DescribeNetworkInterfaces: permission denied \(UnauthorizedOperation\)/)
  assert.match(error.hint ?? '', /grant ec2:DescribeNetworkInterfaces/)
})

test('GetSubnetCidrReservations asks every subnet before the first answers: one round trip, not one per subnet', async () => {
  const ids = scenario.subnets.map((s) => s.subnetId)
  assert.ok(ids.length > 1)
  const before = calls('GetSubnetCidrReservations').length
  lab.ec2.addFault({action: 'GetSubnetCidrReservations', delayMs: 1500, kind: 'delay'})
  const reading = getSubnetCidrReservations(aws, ids)
  await new Promise((resolve) => setTimeout(resolve, 600))
  // The proxy records a request when it arrives, before its delay: one after another, only the first is in by now.
  assert.is(calls('GetSubnetCidrReservations').length - before, ids.length)
  assert.equal(await reading, [])
})

test('split pages are followed: DescribeNetworkInterfaces two ENIs at a time', async () => {
  const ids = scenario.nodes.map((n) => n.instanceId)
  const whole = await describeNetworkInterfaces(aws, ids)
  const before = calls('DescribeNetworkInterfaces').length
  lab.ec2.setPageSize('DescribeNetworkInterfaces', 2)
  const paged = await describeNetworkInterfaces(aws, ids)
  assert.equal(paged, whole)
  const requests = calls('DescribeNetworkInterfaces').slice(before)
  assert.is(requests.length, Math.ceil(whole.length / 2))
  assert.equal(requests.map((r) => r.params.NextToken ?? null), [null, ...requests.slice(1).map((_, i) => `lab-page-${2 * (i + 1)}`)])
})

test('split pages are followed: every instance type, 100 a page', async () => {
  const whole = await describeInstanceTypes(aws)
  const before = calls('DescribeInstanceTypes').length
  lab.ec2.setPageSize('DescribeInstanceTypes', 100)
  const paged = await describeInstanceTypes(aws)
  assert.ok(whole.length > 1000, `moto knows ${whole.length} types`)
  assert.equal(paged, whole)
  assert.is(calls('DescribeInstanceTypes').length - before, Math.ceil(whole.length / 100))
})

test('a slow answer past the request timeout is an exit-3 error naming the call', async () => {
  lab.ec2.addFault({action: 'DescribeSubnets', delayMs: 1500, kind: 'delay'})
  const error = await rejection(describeSubnets({...aws, timeoutMs: 200}))
  assert.is(error.exitCode, 3)
  assert.match(error.message, /^ec2:DescribeSubnets: /)
})

test('DryRun: DryRunOperation means allowed, and nothing is created', async () => {
  const subnetId = scenario.subnets[0].subnetId
  const before = await describeSubnets(aws, [subnetId])
  const answer = await dryRun(aws, {action: 'CreateNetworkInterface', securityGroupIds: [scenario.securityGroupId], subnetId})
  assert.equal({action: answer.action, allowed: answer.allowed, code: answer.code}, {
    action: 'ec2:CreateNetworkInterface',
    allowed: true,
    code: 'DryRunOperation',
  })
  assert.equal(await describeSubnets(aws, [subnetId]), before)
  const node = scenario.nodes[0]
  const attach = await dryRun(aws, {action: 'AttachNetworkInterface', deviceIndex: 2, instanceId: node.instanceId, networkInterfaceId: node.enis[1].networkInterfaceId})
  assert.ok(attach.allowed)
  const tag = await dryRun(aws, {action: 'CreateTags', resourceIds: [node.instanceId], tags: {probe: 'x'}})
  assert.ok(tag.allowed)
  assert.ok(lab.ec2Requests().filter((r) => !/^(Describe|Get)/.test(r.action)).every((r) => r.dryRun))
})

test('DryRun: UnauthorizedOperation means denied, not a failure', async () => {
  lab.ec2.addFault({action: 'CreateNetworkInterface', kind: 'unauthorized'})
  const answer = await dryRun(aws, {action: 'CreateNetworkInterface', subnetId: scenario.subnets[0].subnetId})
  assert.is(answer.allowed, false)
  assert.is(answer.code, 'UnauthorizedOperation')
})

test('DryRun: bad parameters are an exit-3 error, not an answer', async () => {
  const error = await rejection(dryRun(aws, {action: 'CreateNetworkInterface', subnetId: 'subnet-0000000000000dead'}))
  assert.match(error.message, /^ec2:CreateNetworkInterface \(DryRun\): /)
})

test.run()
