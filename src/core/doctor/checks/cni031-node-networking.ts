import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import type {DoctorEvent} from '../health-objects.js'
import {cappedNames} from '../health-helpers.js'
import {groupNodes, nodeNames} from '../node-groups.js'

/** The EKS node monitoring agent's NetworkingReady reasons and events (aws/eks-node-monitoring-agent pkg/reasons). */
const CONDITION_REASONS = new Set(['IPAMDNotReady', 'IPAMDNotRunning', 'InterfaceNotUp', 'NPANotRunning'])
const WARNING_EVENTS = new Set(['ConntrackExceeded', 'IPAMDInconsistentState', 'IPAMDNoIPs', 'MissingIPRoutes'])

/** What is wrong with a node's networking, from its conditions: null when nothing is. */
function problemOf(node: DoctorNode): null | {message: string; reason: string} {
  const conditions = node.conditions ?? []
  const networking = conditions.find((c) => c.type === 'NetworkingReady' && c.status === 'False')
  if (networking) return {message: networking.message, reason: CONDITION_REASONS.has(networking.reason) ? networking.reason : networking.reason || 'NetworkingReady=False'}
  const ready = conditions.find((c) => c.type === 'Ready' && c.status === 'False' && /NetworkPluginNotReady|cni config uninitialized|network plugin is not ready/i.test(c.message))
  return ready ? {message: ready.message, reason: 'NetworkPluginNotReady'} : null
}

/**
 * CNI031: nodes whose networking is broken now: the node monitoring agent's NetworkingReady=False (ipamd not ready or
 * not running, an interface down, the network policy agent down) or kubelet's "NetworkPluginNotReady" (errors), and
 * the agent's warning events (no IPs, inconsistent state, missing routes, conntrack full).
 */
export function checkNodeNetworking(input: CheckInput<'nodes', 'warningEvents'>): CheckFinding[] {
  const {nodes, warningEvents} = input.reads
  const broken = nodes.flatMap((node) => {
    const problem = problemOf(node)
    return problem ? [{key: problem.reason, node, value: problem}] : []
  })
  const conditionFindings = groupNodes(broken).map(({nodes: group, resource, value}) => ({
    evidence: {message: value.message.slice(0, 300), nodeCount: group.length, nodes: nodeNames(group), reason: value.reason},
    message: `${group.length} node${group.length === 1 ? '' : 's'} report${group.length === 1 ? 's' : ''} networking not ready (${value.reason}): ${value.message.slice(0, 160) || 'no message'}`,
    remedy: 'kubectl describe node NODE; the aws-node pod on it and /var/log/aws-routed-eni/ipamd.log; cordon and replace the node if it does not recover',
    resource,
    severity: 'error' as const,
  }))
  const events = (warningEvents ?? []).filter((e) => WARNING_EVENTS.has(e.reason))
  const byReason = new Map<string, DoctorEvent[]>()
  for (const event of events) byReason.set(event.reason, [...(byReason.get(event.reason) ?? []), event])
  const eventFindings = [...byReason].sort(([a], [b]) => a.localeCompare(b)).map(([reason, list]) => {
    const onNodes = [...new Set(list.map((e) => e.nodeName ?? e.involved.name))].sort()
    return {
      evidence: {events: list.reduce((sum, e) => sum + e.count, 0), nodes: cappedNames(onNodes), reason, sample: list[0].message.slice(0, 300)},
      message: `the node monitoring agent reports ${reason} on ${onNodes.length} node${onNodes.length === 1 ? '' : 's'}: ${list[0].message.slice(0, 160)}`,
      remedy: reason === 'ConntrackExceeded'
        ? 'raise net.netfilter.nf_conntrack_max on the nodes (kube-proxy --conntrack-max-per-core) or spread the connections'
        : 'look at the aws-node pod and ipamd.log on the named nodes; vpccni doctor\'s capacity checks (CNI001–CNI008) show whether addresses ran out',
      resource: {kind: 'Cluster', name: 'nodes'},
      severity: 'warning' as const,
    }
  })
  return [...conditionFindings, ...eventFindings]
}
