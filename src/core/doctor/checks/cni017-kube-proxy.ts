import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import {awsNodePods} from '../health-helpers.js'
import {groupNodes, nodeNames} from '../node-groups.js'

/**
 * CNI017: aws-node reaches the API server through the kubernetes service IP, which kube-proxy programs on the node:
 * every node that runs an aws-node pod needs a Ready kube-proxy pod.
 */
export function checkKubeProxy(input: CheckInput<'nodes' | 'systemPods'>): CheckFinding[] {
  const {nodes, systemPods} = input.reads
  const proxies = new Map<string, boolean>()
  for (const pod of systemPods) {
    if (pod.app === 'kube-proxy' && pod.nodeName) proxies.set(pod.nodeName, (proxies.get(pod.nodeName) ?? false) || pod.ready)
  }

  const withAwsNode = new Set(awsNodePods(systemPods).map((p) => p.nodeName))
  const lacking: Array<{key: string; node: DoctorNode; value: string}> = []
  for (const node of nodes) {
    if (!withAwsNode.has(node.name) || proxies.get(node.name) === true) continue
    const state = proxies.has(node.name) ? 'not Ready' : 'missing'
    lacking.push({key: state, node, value: state})
  }

  return groupNodes(lacking).map(({nodes: group, resource, value}) => ({
    evidence: {kubeProxy: value, nodeCount: group.length, nodes: nodeNames(group)},
    message: `${group.length} node${group.length === 1 ? '' : 's'} run${group.length === 1 ? 's' : ''} aws-node with kube-proxy ${value}: aws-node cannot reach the API server through the service IP`,
    remedy: 'kubectl -n kube-system get ds kube-proxy and its pod on the node; reinstall the kube-proxy add-on (aws eks update-addon --addon-name kube-proxy) if it is absent',
    resource,
    severity: 'error',
  }))
}
