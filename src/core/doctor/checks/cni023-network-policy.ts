import type {CheckFinding, CheckInput} from '../check.js'
import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {DoctorAwsNode, DoctorNode, DoctorPod} from '../cluster-objects.js'
import {clusterLints} from '../cluster-diff.js'
import {AWS_NODE_DAEMONSET, cappedNames, fieldAt} from '../health-helpers.js'
import type {DoctorNetworkPolicy} from '../health-objects.js'
import {groupNodes, nodeNames} from '../node-groups.js'
import {podsSelectedByNoPolicy} from '../policy-selection.js'

/** Other engines that enforce NetworkPolicies when they run in kube-system; then aws-node's agent need not. */
const OTHER_ENGINES = new Set(['antrea', 'calico-node', 'cilium', 'kube-router', 'weave-net'])

/** The network policy agent needs eBPF features of Linux 5.10 (the VPC CNI's network policy FAQ). */
const MIN_KERNEL: [number, number] = [5, 10]

/** The node agent's `--enable-network-policy` flag: whether this node enforces policies. */
export function agentEnforces(manifest: Record<string, unknown>): boolean {
  const containers = (fieldAt(manifest, ['spec', 'template', 'spec', 'containers']) ?? []) as Array<{args?: string[]; name?: string}>
  const args = containers.find((c) => c.name === 'aws-eks-nodeagent')?.args ?? []
  return args.some((a) => /^--enable-network-policy=(true|1|t)$/i.test(a.trim()))
}

const olderKernel = (version: string): boolean => {
  const [major, minor] = version.split(/[.-]/).map(Number)
  return Number.isFinite(major) && Number.isFinite(minor) && (major < MIN_KERNEL[0] || (major === MIN_KERNEL[0] && minor < MIN_KERNEL[1]))
}

/** The CNI reads NETWORK_POLICY_ENFORCING_MODE case-insensitively (utils.IsValidNetworkPolicyEnforcingMode); unset is standard. */
const enforcingMode = (awsNode: DoctorAwsNode, defaults: Record<string, null | string>): string =>
  (readAwsNodeSettings(awsNode, defaults).effectiveEnv.NETWORK_POLICY_ENFORCING_MODE ?? 'standard').toLowerCase()

/**
 * Strict mode: a pod no NetworkPolicy selects starts default-deny and stays so (the CNI README: in strict mode every pod
 * needs a policy; host-network pods are exempt). One warning for all of them, counted by namespace.
 */
function strictModeFinding(pods: DoctorPod[], policies: DoctorNetworkPolicy[], nodes: DoctorNode[]): CheckFinding[] {
  const unselected = podsSelectedByNoPolicy(pods, policies, nodes)
  if (!unselected || unselected.size === 0) return []
  const byCount = [...unselected].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
  const total = byCount.reduce((sum, [, names]) => sum + names.length, 0)
  const namespaces = byCount.map(([namespace, names]) => `${namespace}: ${names.length}`)
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  return [{
    evidence: {
      enforcingMode: 'strict',
      namespaces: cappedNames(namespaces),
      networkPolicies: policies.length,
      pods: cappedNames(byCount.flatMap(([namespace, names]) => names.map((name) => `${namespace}/${name}`))),
      unselectedPods: total,
    },
    message: `NETWORK_POLICY_ENFORCING_MODE=strict, and ${plural(total, 'running pod', 'running pods')} in ` +
      `${plural(byCount.length, 'namespace', 'namespaces')} (${cappedNames(namespaces, 3).join(', ')}) no NetworkPolicy selects: ` +
      'they are default-deny, all their ingress and egress blocked once they (re)start',
    remedy: 'give each of those pods a NetworkPolicy that selects it and allows what it needs (DNS to CoreDNS first; podSelector {} ' +
      'selects every pod of its namespace), or go back to NETWORK_POLICY_ENFORCING_MODE=standard (the add-on\'s configurationValues env)',
    resource: AWS_NODE_DAEMONSET,
    severity: 'warning',
  }]
}

/**
 * CNI023: network policy. NetworkPolicies exist but no node agent enforces them (error; unless another engine runs);
 * the agent enforces on a node whose kernel is older than 5.10 (error); the ConfigMap's controller switch and the
 * agent's flag disagree (the diff engine's lint, warning); the agent enforces in strict mode and running pods are
 * selected by no policy, so default-deny (warning).
 */
export function checkNetworkPolicy(input: CheckInput<'awsNode' | 'nodes', 'cniConfigMap' | 'networkPolicies' | 'pods' | 'systemPods'>): CheckFinding[] {
  const {awsNode, networkPolicies, nodes, pods, systemPods} = input.reads
  if (!awsNode) return []
  const enforces = agentEnforces(awsNode.manifest)
  const engines = [...new Set((systemPods ?? []).map((p) => p.app).filter((app) => OTHER_ENGINES.has(app)))]
  const findings: CheckFinding[] = []
  const policies = networkPolicies ?? []
  if (!enforces && policies.length > 0 && engines.length === 0) {
    findings.push({
      evidence: {agentEnforces: false, networkPolicies: policies.length, policies: cappedNames(policies.map((p) => `${p.namespace}/${p.name}`))},
      message: `${policies.length} NetworkPolic${policies.length === 1 ? 'y exists' : 'ies exist'} but the aws-eks-nodeagent runs without --enable-network-policy=true and no other engine runs: nothing enforces them`,
      remedy: 'turn network policy on: the add-on\'s configurationValues {"enableNetworkPolicy":"true"} (self-managed: enable-network-policy-controller in ConfigMap amazon-vpc-cni and the agent flag), or install another engine',
      resource: AWS_NODE_DAEMONSET,
      severity: 'error',
    })
  }

  if (enforces) {
    const old = nodes.filter((n) => n.kernelVersion && olderKernel(n.kernelVersion)).map((node) => ({key: node.kernelVersion!, node, value: node.kernelVersion!}))
    findings.push(...groupNodes(old).map(({nodes: group, resource, value}: {nodes: DoctorNode[]; resource: CheckFinding['resource']; value: string}) => ({
      evidence: {kernelVersion: value, minimumKernel: MIN_KERNEL.join('.'), nodeCount: group.length, nodes: nodeNames(group)},
      message: `${group.length} node${group.length === 1 ? '' : 's'} run${group.length === 1 ? 's' : ''} Linux ${value}, older than ${MIN_KERNEL.join('.')}: the network policy agent cannot enforce policies there`,
      remedy: 'move the node group to an AMI with kernel 5.10 or newer (Amazon Linux 2023, or Amazon Linux 2 with kernel 5.10)',
      resource,
      severity: 'error' as const,
    })))
  }

  if (enforces && pods && networkPolicies && enforcingMode(awsNode, input.facts.envDefaults) === 'strict') {
    findings.push(...strictModeFinding(pods, networkPolicies, nodes))
  }

  const mismatch = clusterLints({awsNode, cniConfigMap: input.reads.cniConfigMap}, input.facts).filter((l) => l.id === 'network-policy-mismatch')
  findings.push(...mismatch.map((lint) => ({
    evidence: {agentEnforces: enforces, lint: lint.id, path: lint.path ?? null},
    message: lint.message,
    remedy: 'set both the same: enable-network-policy-controller in ConfigMap amazon-vpc-cni and the aws-eks-nodeagent --enable-network-policy flag (the add-on\'s enableNetworkPolicy sets both)',
    resource: AWS_NODE_DAEMONSET,
    severity: 'warning' as const,
  })))
  return findings
}
