// The lab for bench/doctor.ts, in its own process so the bench measures only doctor: the HTTPS Kubernetes lab
// (answers cached by a warm-up listing), the EC2 memory fake and the EKS fake, all serving one cluster of
// N nodes in two EKS node groups over six subnets, 20 pods a node, and the ENIs ipamd would hold for them.
// IPC: sends {kubeconfig, ec2, eks, nodes, pods, enis} when ready; answers 'stats' with requests per API; 'stop' stops.
import type {LabScenario} from '../test/lab/ec2-scenario-spec.js'
import {startEksFake} from '../test/lab/eks-fake.js'
import {defaultEksState} from '../test/lab/eks-fixtures.js'
import {startKubeLab} from '../test/lab/kube-lab.js'
import {buildLabCluster, type LabNodeSpec} from '../test/lab/scenario.js'
import {createKubernetesSource} from '../src/sources/kubernetes/index.js'
import {type Ec2World, type FakeEni, startEc2MemoryFake} from './ec2-memory-fake.js'

const nodeCount = Number(process.argv[2] ?? 5000)
const PODS = 18
const started = performance.now()
const zones = ['us-west-2a', 'us-west-2b', 'us-west-2c']
// Two /16 subnets per zone: ng-web's three, then ng-batch's three.
const subnets = Array.from({length: 6}, (_, i) => ({available: 65_531, cidr: `10.${i}.0.0/16`, id: `subnet-0bench${String(i).padStart(12, '0')}`, next: 4, zone: zones[i % 3]}))
const groups = [
  {enis: 3, name: 'ng-web', slots: 14, subnets: [0, 1, 2], type: 'm5.2xlarge'},
  {enis: 2, name: 'ng-batch', slots: 29, subnets: [3, 4, 5], type: 'c6i.4xlarge'},
]
const take = (subnet: (typeof subnets)[number]): string => {
  const n = subnet.next++
  subnet.available--
  return `10.${subnets.indexOf(subnet)}.${Math.floor(n / 256)}.${n % 256}`
}

const world: Ec2World = {enis: [], instances: [], subnets: [], vpcId: 'vpc-0bench000000000001'}
const kubeNodes: LabNodeSpec[] = []
for (let i = 0; i < nodeCount; i++) {
  const group = groups[i % 2]
  const subnet = subnets[group.subnets[Math.floor(i / 2) % 3]]
  const id = `i-0${(i + 1).toString(16).padStart(16, '0')}`
  const privateIp = take(subnet)
  world.instances.push({id, launchTime: '2026-11-20T08:00:00.000Z', privateIp, subnetId: subnet.id, type: group.type, zone: subnet.zone})
  const enis: FakeEni[] = []
  for (let d = 0; d < group.enis; d++) {
    const secondaryIps = Array.from({length: group.slots}, () => take(subnet))
    const tags = {'cluster.k8s.amazonaws.com/name': 'lab', 'node.k8s.amazonaws.com/instance_id': id}
    enis.push({attachment: {deviceIndex: d, instanceId: id}, description: d === 0 ? '' : `aws-K8S-${id}`, id: `eni-0${(i * 8 + d + 1).toString(16).padStart(16, '0')}`, primaryIp: d === 0 ? privateIp : take(subnet), secondaryIps, status: 'in-use', subnetId: subnet.id, tags: d === 0 ? {} : tags, zone: subnet.zone})
  }

  world.enis.push(...enis)
  const podIps = enis.flatMap((e) => e.secondaryIps).slice(0, PODS)
  kubeNodes.push({instanceId: id, instanceType: group.type, labels: {'eks.amazonaws.com/nodegroup': group.name}, podIps, pods: PODS, privateIp, zone: subnet.zone})
}

world.subnets = subnets.map(({available, cidr, id, zone}) => ({available, cidr, id, zone}))
const cluster = buildLabCluster({nodes: kubeNodes})
const kube = await startKubeLab(cluster.state, {cacheAnswers: true})
const warmer = await createKubernetesSource({kubeconfig: kube.kubeconfig})
await Promise.all([warmer.listNodes(), warmer.listPods(), warmer.listSandboxFailures(), warmer.listEniConfigs(), warmer.readAwsNode()])
warmer.close()
kube.requests.length = 0
const ec2 = await startEc2MemoryFake(world)
const scenario = {
  clusterIssues: [],
  clusterName: 'lab',
  clusterSubnetIds: world.subnets.map((s) => s.id),
  nodeGroups: groups.map((g) => ({instanceTypes: [g.type], maxSize: Math.ceil(nodeCount / 2) + 100, minSize: 1, name: g.name, subnetIds: g.subnets.map((s) => subnets[s].id)})),
  nodes: kubeNodes.map((_, i) => ({nodeGroup: groups[i % 2].name})),
  securityGroupId: 'sg-0bench',
  subnets: world.subnets.map((s) => ({availabilityZone: s.zone, cidr: s.cidr, subnetId: s.id})),
  vpcId: world.vpcId,
} as unknown as LabScenario
const eks = await startEksFake(defaultEksState(scenario))
process.send!({buildMs: performance.now() - started, ec2: ec2.endpoint, eks: eks.endpoint, enis: world.enis.length, kubeconfig: kube.kubeconfig, nodes: cluster.nodes.length, pods: cluster.pods.length})
process.on('message', async (message) => {
  if (message === 'stats') {
    const kubernetes: Record<string, number> = {}
    for (const r of kube.requests) kubernetes[`${r.method} ${r.path}`] = (kubernetes[`${r.method} ${r.path}`] ?? 0) + 1
    const eksCalls: Record<string, number> = {}
    for (const r of eks.requests) eksCalls[r.operation] = (eksCalls[r.operation] ?? 0) + 1
    process.send!({ec2: ec2.requests, eks: eksCalls, kubernetes, writes: kube.writes.length})
  }

  if (message === 'stop') {
    await Promise.all([kube.stop(), ec2.stop(), eks.stop()])
    process.exit(0)
  }
})
