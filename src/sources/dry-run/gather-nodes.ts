import type {AgentFacts, EniFacts, NodeGather, PodFacts, SubnetFacts} from '../../core/dry-run/node-facts.js'
import {groupBy} from '../../core/group-by.js'
import {suggestNearest} from '../../core/suggest-nearest.js'
import {UserError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'
import type {Ec2NetworkInterface} from '../ec2/ec2-types.js'
import type {AwsNodeDaemonSet, EnvVar, NodeSummary, PodSummary} from '../kubernetes/types.js'

/**
 * Everything the dry-run reads about these nodes, in one pass whatever their number: the node list, the pods
 * (one node's by field selector, or every pod, paged), the aws-node DaemonSet and ENIConfigs, then EC2 for the
 * instances' ENIs and their subnets in batched filters. Read-only.
 */
export async function gatherNodes(source: ClusterSource, nodeName?: string): Promise<NodeGather[]> {
  // The ENIs are asked for as soon as the node list gives the instance ids, while the pods are still being listed.
  const nodeList = source.listNodes().then((nodes) => (nodeName === undefined ? nodes : [findNode(nodes, nodeName)]))
  const eniList = nodeList.then((nodes) => source.describeNetworkInterfaces(nodes.map((n) => n.instanceId).filter((id): id is string => id !== null)))
  const [chosen, enis, pods, awsNode, eniConfigs] = await Promise.all([
    nodeList,
    eniList,
    source.listPods(nodeName === undefined ? undefined : {nodeName}),
    source.readAwsNode(),
    source.listEniConfigs(),
  ])
  const subnetIds = new Set([...enis.map((eni) => eni.subnetId), ...eniConfigs.map((c) => c.subnet)].filter((id): id is string => Boolean(id)))
  const subnets: SubnetFacts[] = (await source.describeSubnets([...subnetIds])).map(({availableIpAddressCount, subnetId, tags}) => ({
    availableIpAddressCount,
    subnetId,
    tags,
  }))
  const podsByNode = groupBy(pods, (pod) => pod.nodeName ?? '')
  const enisByInstance = groupBy(enis, (eni) => eni.attachment?.instanceId ?? '')
  const daemonSetEnv = literalEnv(awsNode)
  return chosen.map((node) => {
    const nodeEnis = enisByInstance.get(node.instanceId ?? '') ?? []
    const nodeSubnets = subnets.filter((s) => nodeEnis.some((e) => e.subnetId === s.subnetId) || eniConfigs.some((c) => c.subnet === s.subnetId))
    const nodePods = podsByNode.get(node.name) ?? []
    return {
      agent: agentOf(nodePods, daemonSetEnv, awsNode),
      eniConfigs,
      enis: nodeEnis.map((eni) => toEniFacts(eni)),
      node: {
        annotations: node.annotations,
        capacityPods: node.capacityPods,
        instanceId: node.instanceId,
        instanceType: node.instanceType,
        labels: node.labels,
        name: node.name,
        zone: node.zone,
      },
      pods: nodePods.filter((pod) => !pod.agent && !(pod.namespace === 'kube-system' && pod.name.startsWith('aws-node-'))).map((pod) => toPodFacts(pod)),
      subnets: nodeSubnets,
    }
  })
}

function findNode(nodes: NodeSummary[], name: string): NodeSummary {
  const node = nodes.find((n) => n.name === name)
  if (!node) {
    // A node's short host name (ip-10-0-1-23) names the node whose full name starts with it.
    const short = nodes.filter((n) => n.name.startsWith(`${name}.`)).map((n) => n.name)
    const suggestions = [...new Set([...short, ...suggestNearest(name, nodes.map((n) => n.name))])].slice(0, 3)
    throw new UserError(`no node named "${name}" in the cluster`, {suggestions})
  }

  return node
}

const awsNodeEnv = (daemonSet: AwsNodeDaemonSet | null): EnvVar[] => daemonSet?.containers.find((c) => c.name === 'aws-node')?.env ?? []

function literalEnv(daemonSet: AwsNodeDaemonSet | null): Record<string, string> {
  return Object.fromEntries(awsNodeEnv(daemonSet).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]))
}

function agentOf(pods: PodSummary[], daemonSetEnv: Record<string, string>, daemonSet: AwsNodeDaemonSet | null): AgentFacts {
  // A snapshot may hold the node's aws-node pod without its containers: the pod is there, its env is not.
  const pod = pods.find((p) => p.agent) ?? pods.find((p) => p.namespace === 'kube-system' && p.name.startsWith('aws-node-'))
  const env = pod?.agent?.env ?? awsNodeEnv(daemonSet)
  return {
    daemonSetEnv,
    podEnvMissing: pod !== undefined && !pod.agent,
    podEnv: pod?.agent ? Object.fromEntries(pod.agent.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])) : null,
    podName: pod ? `${pod.namespace}/${pod.name}` : null,
    startedAt: pod?.agent?.startedAt ?? null,
    unresolved: env.filter((e) => e.value === undefined && e.valueFrom !== undefined).map((e) => e.name).sort(),
  }
}

function toEniFacts(eni: Ec2NetworkInterface): EniFacts {
  return {
    attachTime: eni.attachment?.attachTime ?? null,
    attachmentId: eni.attachment?.attachmentId ?? null,
    deviceIndex: eni.attachment?.deviceIndex ?? 0,
    id: eni.networkInterfaceId,
    interfaceType: eni.interfaceType,
    networkCardIndex: eni.attachment?.networkCardIndex ?? 0,
    prefixes: eni.ipv4Prefixes,
    primary: eni.primary,
    secondaryIps: eni.secondaryIpAddresses,
    subnetId: eni.subnetId,
    tags: eni.tags,
  }
}

function toPodFacts(pod: PodSummary): PodFacts {
  return {hostNetwork: pod.hostNetwork, name: pod.name, namespace: pod.namespace, phase: pod.phase, podEni: pod.podEni === true, podIps: pod.podIps}
}
