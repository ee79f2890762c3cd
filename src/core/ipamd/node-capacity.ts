import {UserError} from '../../errors.js'

/**
 * The most pods any node's default network card can address: c8a.48xlarge and its peers with prefix delegation
 * (15 ENIs × 49 prefixes × 16 + 2). A kubelet --max-pods above it holds no more pods with VPC addresses.
 */
export const MOST_PODS_ANY_NODE = 24_194

/**
 * Amazon EKS clusters hold up to 100,000 nodes ("Amazon EKS enables ultra scale AI/ML workloads with support for 100K
 * nodes per cluster", https://aws.amazon.com/blogs/containers/amazon-eks-enables-ultra-scale-ai-ml-workloads-with-support-for-100k-nodes-per-cluster/, 2025-07-16).
 */
export const MOST_NODES_PER_CLUSTER = 100_000

const count = (n: number): string => n.toLocaleString('en-US')

/** `--max-pods` beyond what any node addresses is bad input: the simulation would place pods that cannot exist. */
export function checkMaxPodsFlag(maxPods: number | undefined): void {
  if (maxPods !== undefined && maxPods > MOST_PODS_ANY_NODE) {
    throw new UserError(`--max-pods ${count(maxPods)} is more than any node can address (${count(MOST_PODS_ANY_NODE)}, c8a.48xlarge with prefixes)`)
  }
}

/**
 * What one node can hold: kubelet's max pods, or the pods its ENIs address when that is more (pods beyond max pods
 * are still worth a warning, not a simulation of millions).
 */
export function checkPodsOnNode(pods: number, node: {instanceType: string; ipLimited: number; maxPods: number}): void {
  const holds = Math.max(node.maxPods, node.ipLimited)
  if (pods > holds) {
    throw new UserError(
      `--pods ${count(pods)} is more than one ${node.instanceType} can hold (${count(holds)}: max pods ${node.maxPods}, its ENIs address ${node.ipLimited})`,
      {hint: 'pass --max-pods if kubelet allows more'},
    )
  }
}

export function checkNodesInCluster(nodes: number): void {
  if (nodes > MOST_NODES_PER_CLUSTER) {
    throw new UserError(`--nodes ${count(nodes)} is more than an EKS cluster holds (${count(MOST_NODES_PER_CLUSTER)} nodes)`)
  }
}
