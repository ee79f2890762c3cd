// Reads a lab fleet through the EC2 source layer: DescribeInstances, DescribeNetworkInterfaces and DescribeSubnets
// for N nodes (default 1000, `node --import tsx bench/ec2-sources.ts N`) against moto behind the lab proxy.
// Prints wall time, requests and peak RSS of the reads; the fleet is built first and not timed.
import {describeInstances} from '../src/sources/ec2/describe-instances.js'
import {describeNetworkInterfaces} from '../src/sources/ec2/describe-network-interfaces.js'
import {describeSubnets} from '../src/sources/ec2/describe-subnets.js'
import {startAwsLab} from '../test/lab/aws-lab.js'

const count = Number(process.argv[2] ?? 1000)
const lab = await startAwsLab()
try {
  const sdk = await import('@aws-sdk/client-ec2')
  const client = new sdk.EC2Client({endpoint: lab.moto.endpoint})
  const vpc = await client.send(new sdk.CreateVpcCommand({CidrBlock: '10.0.0.0/16'}))
  const subnet = await client.send(new sdk.CreateSubnetCommand({AvailabilityZone: 'us-west-2a', CidrBlock: '10.0.0.0/16', VpcId: vpc.Vpc!.VpcId!}))
  const subnetId = subnet.Subnet!.SubnetId!
  const ids: string[] = []
  const built = Date.now()
  while (ids.length < count) {
    const batch = Math.min(250, count - ids.length)
    const run = await client.send(new sdk.RunInstancesCommand({ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MaxCount: batch, MinCount: batch, SubnetId: subnetId}))
    for (const instance of run.Instances ?? []) {
      ids.push(instance.InstanceId!)
      const eni = instance.NetworkInterfaces![0].NetworkInterfaceId!
      await client.send(new sdk.AssignPrivateIpAddressesCommand({NetworkInterfaceId: eni, SecondaryPrivateIpAddressCount: 9}))
    }
  }

  client.destroy()
  console.log(`fleet: ${count} m5.large nodes with 9 secondary IPs each, built in ${((Date.now() - built) / 1000).toFixed(1)} s (not timed below)`)
  lab.ec2.setPageSize('DescribeNetworkInterfaces', 1000)
  const before = lab.ec2Requests().length
  const rssBefore = process.memoryUsage().rss
  const start = process.hrtime.bigint()
  const aws = {region: 'us-west-2'}
  const instances = await describeInstances(aws, ids)
  const enis = await describeNetworkInterfaces(aws, ids)
  const subnets = await describeSubnets(aws, [subnetId])
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  console.log(`read: ${instances.length} instances, ${enis.length} ENIs, ${subnets.length} subnet in ${seconds.toFixed(2)} s`)
  console.log(`requests: ${lab.ec2Requests().length - before} (ids in batches of 200, pages of up to 1000)`)
  console.log(`rss: ${(rssBefore / 2 ** 20).toFixed(0)} MB before the reads, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB for the process (lab included)`)
} finally {
  await lab.stop()
}
