// `vpccni ipamd dry-run --all` over a lab fleet of N nodes (default 1000: `node --import tsx bench/ipamd-dry-run.ts N`):
// m5.large instances in moto, each primary ENI with 9 secondary IPs, and the matching Kubernetes lab cluster (5 pods per
// node on those addresses) in a child process (bench/dry-run-lab-server.ts). The SDK talks to moto directly, without the
// test proxy. The fleet is built first and not timed; the built binary then runs (npm run build first),
// and the command once more in this process. Goal: <= 10 s on 2 cores.
import {fork} from 'node:child_process'
import {loadavg} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import IpamdDryRun from '../src/commands/ipamd/dry-run.js'
import type {FleetResult} from '../src/core/dry-run/fleet-rows.js'
import {setAwsLabEnv} from '../test/lab/aws-lab-env.js'
import {startMoto} from '../test/lab/moto-server.js'
import {runBinaryAsync} from '../test/helpers/run-binary.js'
import {runCommand} from '../test/helpers/run-command.js'

const count = Number(process.argv[2] ?? 1000)
const moto = await startMoto()
const restoreEnv = setAwsLabEnv({ec2: moto.endpoint})
const server = fork(join(dirname(fileURLToPath(import.meta.url)), 'dry-run-lab-server.ts'), [], {execArgv: ['--import', 'tsx']})
try {
  const sdk = await import('@aws-sdk/client-ec2')
  const client = new sdk.EC2Client({endpoint: moto.endpoint})
  const vpc = await client.send(new sdk.CreateVpcCommand({CidrBlock: '10.0.0.0/16'}))
  const subnet = await client.send(new sdk.CreateSubnetCommand({AvailabilityZone: 'us-west-2a', CidrBlock: '10.0.0.0/16', VpcId: vpc.Vpc!.VpcId!}))
  const nodes: Array<{instanceId: string; podIps: string[]; privateIp: string}> = []
  const built = Date.now()
  while (nodes.length < count) {
    const batch = Math.min(250, count - nodes.length)
    const run = await client.send(new sdk.RunInstancesCommand({ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MaxCount: batch, MinCount: batch, SubnetId: subnet.Subnet!.SubnetId!}))
    for (const instance of run.Instances ?? []) {
      const eni = instance.NetworkInterfaces![0].NetworkInterfaceId!
      const assigned = await client.send(new sdk.AssignPrivateIpAddressesCommand({NetworkInterfaceId: eni, SecondaryPrivateIpAddressCount: 9}))
      const podIps = (assigned.AssignedPrivateIpAddresses ?? []).slice(0, 5).map((a) => a.PrivateIpAddress!)
      nodes.push({instanceId: instance.InstanceId!, podIps, privateIp: instance.PrivateIpAddress!})
    }
  }

  client.destroy()
  server.send(nodes)
  const ready = await new Promise<{kubeconfig: string; pods: number}>((resolve) => server.once('message', (m) => resolve(m as never)))
  console.log(`fleet: ${count} m5.large nodes, ${ready.pods} pods, built in ${((Date.now() - built) / 1000).toFixed(1)} s (not timed)`)
  // What the lab's own answers cost, asked the same way first: moto renders every ENI in Python.
  const {describeNetworkInterfaces} = await import('../src/sources/ec2/describe-network-interfaces.js')
  const ec2Started = performance.now()
  await describeNetworkInterfaces({region: 'us-west-2'}, nodes.map((n) => n.instanceId))
  const ec2Seconds = (performance.now() - ec2Started) / 1000
  const argv = ['ipamd', 'dry-run', '--all', '--json', '--kubeconfig', ready.kubeconfig, '--region', 'us-west-2']
  // As a user runs it: the built launcher (npm run build first), start-up included.
  const binaryStarted = performance.now()
  const binary = await runBinaryAsync(argv)
  const binarySeconds = (performance.now() - binaryStarted) / 1000
  const result = JSON.parse(binary.stdout) as FleetResult
  const acting = result.nodes.filter((n) => n.nextAction).length
  console.log(`vpccni ${argv.slice(0, 3).join(' ')}: ${result.nodes.length} nodes (${acting} with a next action, ${result.skipped} skipped) in ${binarySeconds.toFixed(2)} s, exit ${binary.exitCode}`)
  const started = performance.now()
  const out = await runCommand<FleetResult>(IpamdDryRun, argv.slice(2))
  const seconds = (performance.now() - started) / 1000
  console.log(`the same in this process (from source, through tsx): ${seconds.toFixed(2)} s, exit ${out.exitCode}`)
  console.log(`EC2: DescribeNetworkInterfaces in ${Math.ceil(count / 200)} batches of 200 instance ids (${ec2Seconds.toFixed(2)} s of moto alone, asked beforehand), one DescribeSubnets`)
  // The two halves again, SDKs warm: reading (Kubernetes lab and moto) and the projection itself.
  const {openClusterSource} = await import('../src/sources/open-cluster-source.js')
  const {gatherNodes} = await import('../src/sources/dry-run/gather-nodes.js')
  const {dryRunFleet} = await import('../src/core/dry-run/dry-run-node.js')
  const {parseCniVersion} = await import('../src/core/cni-version.js')
  const {findInstanceType} = await import('../src/data/instance-catalog.js')
  const source = await openClusterSource({kubeconfig: ready.kubeconfig, region: 'us-west-2', 'request-timeout': 30})
  const readStarted = performance.now()
  const gathers = await gatherNodes(source)
  const projectStarted = performance.now()
  dryRunFleet(gathers, {checkpoint: null, cniVersion: parseCniVersion('v1.23.1'), findInstanceType, introspection: null, now: Date.now() / 1000, set: {}})
  const projectSeconds = (performance.now() - projectStarted) / 1000
  source.close()
  console.log(`of which: reading ${((projectStarted - readStarted) / 1000).toFixed(2)} s, projecting ${projectSeconds.toFixed(2)} s (measured again, SDKs loaded)`)
  console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other processes share the cores)`)
  console.log(`rss: peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB for this process`)
} finally {
  server.send('stop')
  restoreEnv()
  await moto.stop()
}
