import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorSandboxFailure} from '../cluster-objects.js'
import {cappedNames} from '../health-helpers.js'
import {nodeMaxPods} from '../node-capacity.js'
import {collectNodeFacts} from '../node-facts.js'
import {eniConfigsByName, podSubnetOf} from '../group-demand.js'
import type {SubnetOptional, SubnetReads} from '../subnet-context.js'
import {isFull} from './cni003-node-ip-exhaustion.js'
import {subnetsOutOfRunway} from './cni004-subnet-runway.js'

/** The CNI's own messages (cmd/routed-eni-cni-plugin/cni.go, pkg/ipamd/rpc_handler.go), most specific first. */
const CLASSES: Array<{cause: string; match: RegExp; remedy: string; what: string}> = [
  {cause: 'no-ip', match: /failed to assign an IP address to container/i, remedy: 'the node had no free address: CNI001 (max-pods above what the ENIs address), CNI003 (node full) and CNI004 (no room in its subnet) say why when they fire; else ipamd was waiting on EC2', what: 'no free IP address on the node'},
  {cause: 'version-skew', match: /wrong client version/i, remedy: 'the CNI plugin binary and ipamd differ: restart the aws-node pod on the node so its init container installs the matching plugin', what: 'CNI plugin and ipamd at different versions'},
  {cause: 'network-policy', match: /network policy|policy ?endpoint|aws-network-policy-agent/i, remedy: 'the network policy agent on the node is not answering: kubectl -n kube-system logs POD -c aws-eks-nodeagent', what: 'the network policy agent failed'},
  {cause: 'ipamd-down', match: /AddNetwork gRPC|failed to connect to backend server|127\.0\.0\.1:50051|connection refused/i, remedy: 'ipamd is not serving on the node: see CNI010 and the aws-node pod there (kubectl -n kube-system logs, /var/log/aws-routed-eni/ipamd.log)', what: 'ipamd not serving on the node'},
]

const OTHER = {cause: 'other', remedy: 'read the event message: kubectl get events -A --field-selector reason=FailedCreatePodSandBox', what: 'another sandbox failure'}

/**
 * CNI030: pods failing now. FailedCreatePodSandBox events, classified by the CNI's own messages and grouped per node
 * and cause; a failure to assign an IP is tied to the capacity findings that explain it (CNI001 when the node's
 * max-pods is above what its ENIs address, else CNI003 when it is full; and CNI004 when its pods' subnet has no room
 * for one more node).
 */
export function checkSandboxFailures(input: CheckInput<'sandboxFailures', SubnetOptional | SubnetReads>): CheckFinding[] {
  const groups = new Map<string, {cause: (typeof CLASSES)[number] | typeof OTHER; events: DoctorSandboxFailure[]; node: null | string}>()
  for (const event of input.reads.sandboxFailures) {
    const cause = CLASSES.find((c) => c.match.test(event.message)) ?? OTHER
    const key = `${event.nodeName ?? '?'}/${cause.cause}`
    const group = groups.get(key) ?? {cause, events: [], node: event.nodeName}
    group.events.push(event)
    groups.set(key, group)
  }

  const explained = noIpExplanations(input, new Set([...groups.values()].filter((g) => g.cause.cause === 'no-ip').map((g) => g.node)))
  return [...groups.values()].map(({cause, events, node}) => {
    const pods = [...new Set(events.map((e) => `${e.namespace}/${e.podName}`))].sort()
    const explainedBy = cause.cause === 'no-ip' ? explained(node) : []
    return {
      evidence: {cause: cause.cause, events: events.reduce((sum, e) => sum + e.count, 0), explainedBy, pods: cappedNames(pods), podsFailing: pods.length, sample: events[0].message.slice(0, 300)},
      message: `${pods.length} pod${pods.length === 1 ? '' : 's'} cannot start on ${node ?? 'an unknown node'}: ${cause.what}${explainedBy.length > 0 ? ` (see ${explainedBy.join(', ')})` : ''}`,
      remedy: cause.remedy,
      resource: node ? {kind: 'Node', name: node} : {kind: 'Cluster', name: 'pods'},
      severity: 'error' as const,
    }
  })
}

/**
 * The checks whose rules hold for a node failing to give pods an address, computed with those checks' own functions on
 * the failing nodes only: CNI001's limit, else CNI003's fullness; and CNI004's runway of the subnet its pods draw from.
 */
function noIpExplanations(input: CheckInput<'sandboxFailures', SubnetOptional | SubnetReads>, failing: Set<null | string>): (node: null | string) => string[] {
  const {awsNode, eniConfigs, instances, networkInterfaces, nodes, pods, subnets} = input.reads
  if (failing.size === 0 || !awsNode || !nodes || !networkInterfaces || !pods) return () => []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  const facts = collectNodeFacts({instances, networkInterfaces, nodes: nodes.filter((n) => failing.has(n.name)), pods}, settings, input.facts.instanceTypes)
  const outOfRunway = instances && subnets
    ? subnetsOutOfRunway({facts: input.facts, reads: {...input.reads, awsNode, instances, networkInterfaces, nodes, pods, subnets}})
    : new Set<string>()
  const configs = eniConfigsByName(eniConfigs)
  return (nodeName) => {
    const f = facts.find((x) => x.node.name === nodeName)
    if (!f) return []
    const capacity = f.node.capacityPods !== null && f.node.capacityPods > nodeMaxPods(f.limits, settings).uncappedMaxPods
      ? 'CNI001'
      : isFull(f, settings.config.customNetworking) ? 'CNI003' : undefined
    const subnet = podSubnetOf(f, settings, configs)
    return [...(capacity ? [capacity] : []), ...(subnet && outOfRunway.has(subnet) ? ['CNI004'] : [])]
  }
}
