import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorSandboxFailure} from '../cluster-objects.js'
import {cappedNames} from '../health-helpers.js'
import {nodeMaxPods} from '../node-capacity.js'
import {collectNodeFacts} from '../node-facts.js'
import {isFull} from './cni003-node-ip-exhaustion.js'

/** The CNI's own messages (cmd/routed-eni-cni-plugin/cni.go, pkg/ipamd/rpc_handler.go), most specific first. */
const CLASSES: Array<{cause: string; match: RegExp; remedy: string; what: string}> = [
  {cause: 'no-ip', match: /failed to assign an IP address to container/i, remedy: 'the node had no free address: CNI001 (max-pods above what the ENIs address) and CNI003 (node full) say why when they fire; else ipamd was waiting on EC2 or the subnet (CNI004)', what: 'no free IP address on the node'},
  {cause: 'version-skew', match: /wrong client version/i, remedy: 'the CNI plugin binary and ipamd differ: restart the aws-node pod on the node so its init container installs the matching plugin', what: 'CNI plugin and ipamd at different versions'},
  {cause: 'network-policy', match: /network policy|policy ?endpoint|aws-network-policy-agent/i, remedy: 'the network policy agent on the node is not answering: kubectl -n kube-system logs POD -c aws-eks-nodeagent', what: 'the network policy agent failed'},
  {cause: 'ipamd-down', match: /AddNetwork gRPC|failed to connect to backend server|127\.0\.0\.1:50051|connection refused/i, remedy: 'ipamd is not serving on the node: see CNI010 and the aws-node pod there (kubectl -n kube-system logs, /var/log/aws-routed-eni/ipamd.log)', what: 'ipamd not serving on the node'},
]

const OTHER = {cause: 'other', remedy: 'read the event message: kubectl get events -A --field-selector reason=FailedCreatePodSandBox', what: 'another sandbox failure'}

/**
 * CNI030: pods failing now. FailedCreatePodSandBox events, classified by the CNI's own messages and grouped per node
 * and cause; a failure to assign an IP is tied to the capacity finding that explains it (CNI001 when the node's
 * max-pods is above what its ENIs address, else CNI003).
 */
export function checkSandboxFailures(input: CheckInput<'sandboxFailures', 'awsNode' | 'networkInterfaces' | 'nodes' | 'pods'>): CheckFinding[] {
  const {awsNode, networkInterfaces, nodes, pods, sandboxFailures} = input.reads
  const groups = new Map<string, {cause: (typeof CLASSES)[number] | typeof OTHER; events: DoctorSandboxFailure[]; node: null | string}>()
  for (const event of sandboxFailures) {
    const cause = CLASSES.find((c) => c.match.test(event.message)) ?? OTHER
    const key = `${event.nodeName ?? '?'}/${cause.cause}`
    const group = groups.get(key) ?? {cause, events: [], node: event.nodeName}
    group.events.push(event)
    groups.set(key, group)
  }

  const settings = awsNode ? readAwsNodeSettings(awsNode, input.facts.envDefaults) : undefined
  // The capacity rules themselves (CNI001's limit, CNI003's fullness), on the failing nodes only.
  const failing = new Set([...groups.values()].filter((g) => g.cause.cause === 'no-ip').map((g) => g.node))
  const facts = settings && nodes && networkInterfaces && pods
    ? collectNodeFacts({networkInterfaces, nodes: nodes.filter((n) => failing.has(n.name)), pods}, settings, input.facts.instanceTypes)
    : []
  const explained = (nodeName: null | string): null | string => {
    const f = facts.find((x) => x.node.name === nodeName)
    if (!f || !settings) return null
    if (f.node.capacityPods !== null && f.node.capacityPods > nodeMaxPods(f.limits, settings).uncappedMaxPods) return 'CNI001'
    return isFull(f, settings.config.customNetworking) ? 'CNI003' : null
  }

  return [...groups.values()].map(({cause, events, node}) => {
    const pods = [...new Set(events.map((e) => `${e.namespace}/${e.podName}`))].sort()
    const explainedBy = cause.cause === 'no-ip' ? explained(node) : null
    return {
      evidence: {cause: cause.cause, events: events.reduce((sum, e) => sum + e.count, 0), explainedBy, pods: cappedNames(pods), podsFailing: pods.length, sample: events[0].message.slice(0, 300)},
      message: `${pods.length} pod${pods.length === 1 ? '' : 's'} cannot start on ${node ?? 'an unknown node'}: ${cause.what}${explainedBy ? ` (see ${explainedBy})` : ''}`,
      remedy: cause.remedy,
      resource: node ? {kind: 'Node', name: node} : {kind: 'Cluster', name: 'pods'},
      severity: 'error' as const,
    }
  })
}
