import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {stringify} from 'yaml'

import {chooseEksCluster} from '../../src/core/eks-cluster-arn.js'
import {CLUSTER_LAB_NAME, type ClusterLab, type ClusterLabSpec, kubeSpecFor, startClusterLab} from './cluster-lab.js'
import {healthyCluster} from './doctor-scenarios.js'
import {type KubeLab, type LabOptions, startKubeLab} from './kube-lab.js'
import {LAB_TOKEN} from './kubeconfig.js'
import {buildLabCluster} from './scenario.js'

export interface FleetMemberSpec {
  /** The Kubernetes side (kube, nodeSettings, podsPerNode) over the healthy EC2 scenario; default the healthy cluster. */
  kube?: Omit<ClusterLabSpec, 'ec2'>
  name: string
  /** The region its cluster ARN names (default the lab's). */
  region?: string
  /** Its server is a closed port: nothing answers. */
  unreachable?: boolean
}

/** Several clusters behind one kubeconfig: one API server each, over the cluster lab's one EC2 scenario and EKS fake. */
export interface FleetLab {
  /** The first member's cluster lab (EC2, EKS and its API server). */
  base: ClusterLab
  /** Every member's API server, by context name (none for an unreachable one). */
  kubes: Map<string, KubeLab>
  kubeconfig: string
  stop(): Promise<void>
}

/** Starts the fleet; contexts are named as given, their clusters by ARNs (account 1111222200NN) that name the cluster `lab`. */
export async function startFleetLab(members: FleetMemberSpec[], options: Pick<LabOptions, 'cacheAnswers'> = {}): Promise<FleetLab> {
  const base = await startClusterLab(healthyCluster())
  const kubes = new Map<string, KubeLab>()
  try {
    for (const member of members) {
      if (member.unreachable) continue
      const cluster = buildLabCluster(kubeSpecFor(base.scenario, {...healthyCluster(), ...member.kube}))
      kubes.set(member.name, await startKubeLab(cluster.state, options))
    }
  } catch (error) {
    for (const kube of kubes.values()) await kube.stop()
    await base.stop()
    throw error
  }

  // A context named by an ARN of another cluster name (prod-a) is that EKS cluster: the fake holds it too, as the lab's
  // twin, since EKS answers ResourceNotFoundException for a name it does not have (and doctor refuses it).
  const eks = base.aws.eks.state
  for (const member of members) {
    const name = chooseEksCluster(undefined, [member.name])?.clusterName
    if (!name || eks.clusters[name]) continue
    eks.clusters[name] = {...eks.clusters[CLUSTER_LAB_NAME], name}
    eks.addons[name] = eks.addons[CLUSTER_LAB_NAME]
    eks.nodeGroups[name] = eks.nodeGroups[CLUSTER_LAB_NAME]
  }

  const arn = (i: number, m: FleetMemberSpec) => `arn:aws:eks:${m.region ?? 'us-west-2'}:${String(111122220000 + i)}:cluster/lab`
  const ca = (m: FleetMemberSpec) => Buffer.from((kubes.get(m.name) ?? base.kube).caPem).toString('base64')
  const config = {
    apiVersion: 'v1',
    clusters: members.map((m, i) => ({cluster: {'certificate-authority-data': ca(m), server: kubes.get(m.name)?.url ?? 'https://127.0.0.1:1'}, name: arn(i, m)})),
    contexts: members.map((m, i) => ({context: {cluster: arn(i, m), user: 'lab-user'}, name: m.name})),
    'current-context': members[0].name,
    kind: 'Config',
    users: [{name: 'lab-user', user: {token: LAB_TOKEN}}],
  }
  const kubeconfig = join(base.kube.dir, 'fleet-kubeconfig')
  writeFileSync(kubeconfig, stringify(config))
  return {
    base,
    kubeconfig,
    kubes,
    async stop() {
      for (const kube of kubes.values()) await kube.stop()
      await base.stop()
    },
  }
}
