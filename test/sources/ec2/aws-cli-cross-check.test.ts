import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {describeNetworkInterfaces} from '../../../src/sources/ec2/describe-network-interfaces.js'
import {describeSubnets} from '../../../src/sources/ec2/describe-subnets.js'
import {type AwsLab, startAwsLab} from '../../lab/aws-lab.js'
import type {LabScenario} from '../../lab/ec2-scenario-spec.js'

const test = suite('the aws CLI, an independent client, sees what the EC2 source layer returns')
let lab: AwsLab
let scenario: LabScenario

interface CliEni {
  Attachment?: {DeviceIndex?: number; InstanceId?: string}
  Ipv4Prefixes?: Array<{Ipv4Prefix: string}>
  NetworkInterfaceId: string
  PrivateIpAddresses: Array<{Primary: boolean; PrivateIpAddress: string}>
  SubnetId: string
}

/** Runs `aws` asynchronously: the lab answering it lives in this process. Missing awscli fails the test with the reason. */
async function aws<T>(args: string[]): Promise<T> {
  try {
    const {stdout} = await promisify(execFile)('aws', ['--endpoint-url', lab.ec2.endpoint, '--region', 'us-west-2', '--output', 'json', ...args], {
      maxBuffer: 1 << 24,
    })
    return JSON.parse(stdout) as T
  } catch (error) {
    if ((error as {code?: string}).code === 'ENOENT') throw new Error('the aws CLI (awscli) is not installed: this cross-check needs it')
    throw error
  }
}

test.before(async () => {
  lab = await startAwsLab()
  scenario = await lab.scenario()
  lab.ec2.setPageSize('DescribeNetworkInterfaces', 2)
})
test.after(async () => lab?.stop())

test('describe-network-interfaces by attachment.instance-id: same ENIs, addresses and prefixes', async () => {
  const ids = scenario.nodes.map((n) => n.instanceId)
  const cli = await aws<{NetworkInterfaces: CliEni[]}>([
    'ec2',
    'describe-network-interfaces',
    '--filters',
    `Name=attachment.instance-id,Values=${ids.join(',')}`,
  ])
  const ours = await describeNetworkInterfaces({region: 'us-west-2'}, ids)
  const fromCli = cli.NetworkInterfaces.map((eni) => ({
    deviceIndex: eni.Attachment?.DeviceIndex ?? null,
    id: eni.NetworkInterfaceId,
    instanceId: eni.Attachment?.InstanceId ?? null,
    prefixes: (eni.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix),
    secondary: eni.PrivateIpAddresses.filter((a) => !a.Primary).map((a) => a.PrivateIpAddress),
    subnetId: eni.SubnetId,
  }))
  const fromOurs = ours.map((eni) => ({
    deviceIndex: eni.attachment?.deviceIndex ?? null,
    id: eni.networkInterfaceId,
    instanceId: eni.attachment?.instanceId ?? null,
    prefixes: eni.ipv4Prefixes,
    secondary: eni.secondaryIpAddresses,
    subnetId: eni.subnetId,
  }))
  const byId = (a: {id: string}, b: {id: string}) => (a.id < b.id ? -1 : 1)
  assert.is(fromCli.length, 5, 'the CLI followed the split pages too')
  assert.equal(fromOurs.sort(byId), fromCli.sort(byId))
})

test('describe-subnets: same free-address counts', async () => {
  const cli = await aws<{Subnets: Array<{AvailableIpAddressCount: number; SubnetId: string}>}>(['ec2', 'describe-subnets'])
  const ours = await describeSubnets({region: 'us-west-2'})
  const counts = (list: Array<[string, null | number]>) => Object.fromEntries(list)
  assert.equal(
    counts(ours.map((s) => [s.subnetId, s.availableIpAddressCount])),
    counts(cli.Subnets.map((s) => [s.SubnetId, s.AvailableIpAddressCount])),
  )
})

test.run()
