import {syncAddonConfiguration} from './addon-configuration.js'
import {type AwsLab, startAwsLab} from './aws-lab.js'
import {DEFAULT_SCENARIO, type LabNode as Ec2LabNode, type LabScenario, type LabScenarioSpec} from './ec2-scenario-spec.js'
import {type KubeLab, startKubeLab} from './kube-lab.js'
import {type ClusterSpec, buildLabCluster, type LabCluster} from './scenario.js'

/** The kubeconfig the Kubernetes lab writes names this cluster (LAB_CLUSTER_ARN), so the EC2 and EKS side use it too. */
export const CLUSTER_LAB_NAME = 'lab'
export const CLUSTER_LAB_REGION = 'us-west-2'

export interface ClusterLabSpec {
  /** The EC2 side: VPC, subnets, nodes and their ENIs (default: the AWS lab's default scenario). */
  ec2?: Omit<LabScenarioSpec, 'clusterName'>
  /** The Kubernetes side beyond the nodes, which always match the EC2 instances: aws-node env, ENIConfigs, ... */
  kube?: Omit<ClusterSpec, 'nodeGroups' | 'nodes' | 'region'>
  /** Per node, in the order of ec2.nodes: kubelet max-pods (default the AMI's) and pods bound there still without an address. */
  nodeSettings?: Array<{maxPods?: number; pendingPods?: number}>
  /** Workload pods per node, in the order of ec2.nodes; each takes an address the node's ENIs hold (default: half of them). */
  podsPerNode?: number[]
}

/** One cluster seen three ways, consistent with each other: the Kubernetes API, EC2 (moto) and EKS. */
export interface ClusterLab {
  aws: AwsLab
  /** The Kubernetes objects served. */
  cluster: LabCluster
  /** Flags that point a vpccni command at the lab (the AWS endpoints are in this process's environment). */
  flags: string[]
  kube: KubeLab
  /** What moto holds: instance ids, ENIs, addresses. */
  scenario: LabScenario
  /** Rebuilds both sides from another spec, keeping the servers. */
  rebuild(spec?: ClusterLabSpec): Promise<void>
  stop(): Promise<void>
}

/** Every address a node's ENIs hold for pods: secondary IPs, and each /28 prefix's 16 addresses. */
export function podAddresses(node: Ec2LabNode): string[] {
  return node.enis.flatMap((eni) => [
    ...eni.secondaryIps,
    ...eni.prefixes.flatMap((prefix) => {
      const [base] = prefix.split('/')
      const octets = base.split('.').map(Number)
      return Array.from({length: 16}, (_, i) => [octets[0], octets[1], octets[2], octets[3] + i].join('.'))
    }),
  ])
}

/** The Kubernetes side of SPEC over an EC2 scenario already built (another API server can serve the same nodes). */
export function kubeSpecFor(scenario: LabScenario, spec: ClusterLabSpec): ClusterSpec {
  return {
    ...spec.kube,
    nodes: scenario.nodes.map((node, i) => {
      const addresses = podAddresses(node)
      const pods = spec.podsPerNode?.[i] ?? Math.floor(addresses.length / 2)
      if (pods > addresses.length) throw new Error(`lab node ${i} has ${addresses.length} pod addresses, not ${pods}`)
      return {
        instanceId: node.instanceId,
        instanceType: node.instanceType,
        labels: {'eks.amazonaws.com/nodegroup': node.nodeGroup},
        maxPods: spec.nodeSettings?.[i]?.maxPods,
        pendingPods: spec.nodeSettings?.[i]?.pendingPods,
        podIps: addresses.slice(0, pods),
        pods,
        privateIp: node.privateIp,
        zone: node.availabilityZone,
      }
    }),
    region: CLUSTER_LAB_REGION,
  }
}

/** Starts moto (behind the fault proxy), the EKS fake and the HTTPS Kubernetes API, serving one matched cluster. */
export async function startClusterLab(spec: ClusterLabSpec = {}): Promise<ClusterLab> {
  const aws = await startAwsLab()
  let kube: KubeLab | undefined
  try {
    const scenario = await aws.scenario({...(spec.ec2 ?? DEFAULT_SCENARIO), clusterName: CLUSTER_LAB_NAME})
    syncAddonConfiguration(aws.eks.state, CLUSTER_LAB_NAME, spec.kube)
    const cluster = buildLabCluster(kubeSpecFor(scenario, spec))
    kube = await startKubeLab(cluster.state)
    const lab: ClusterLab = {
      aws,
      cluster,
      flags: ['--kubeconfig', kube.kubeconfig, '--region', CLUSTER_LAB_REGION],
      kube,
      async rebuild(next = {}) {
        lab.scenario = await aws.scenario({...(next.ec2 ?? DEFAULT_SCENARIO), clusterName: CLUSTER_LAB_NAME})
        syncAddonConfiguration(aws.eks.state, CLUSTER_LAB_NAME, next.kube)
        lab.cluster = buildLabCluster(kubeSpecFor(lab.scenario, next))
        lab.kube.state = lab.cluster.state
      },
      scenario,
      async stop() {
        await kube?.stop()
        await aws.stop()
      },
    }
    return lab
  } catch (error) {
    await kube?.stop()
    await aws.stop()
    throw error
  }
}
