import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorEni, DoctorNode} from '../cluster-objects.js'
import {isPodEni} from '../eni-addresses.js'
import {isFargateNode} from '../node-capacity.js'
import {NO_MANAGE_TAG} from '../node-facts.js'
import {groupNodes, nodeNames} from '../node-groups.js'
import {atSecondaryIpMaxPods} from './cni002-prefix-delegation-max-pods.js'

type Problem = 'secondary-ips' | 'xen'

const TEXT: Record<Problem, {message: string; remedy: string}> = {
  'secondary-ips': {
    message: 'prefix delegation is on and kubelet has the prefix max-pods, but the ENIs hold only secondary IPs, no /28 prefix: ipamd started before the setting',
    remedy: 'replace the nodes (drain, terminate; the node group launches new ones that take prefixes); restarting aws-node alone keeps the secondary IPs in use',
  },
  xen: {
    message: 'prefix delegation is on but the instance type runs on Xen: EC2 delegates prefixes only to Nitro instances, ipamd falls back to secondary IPs',
    remedy: 'move the node group to a Nitro instance type, or leave prefix delegation off for it',
  },
}

/**
 * CNI020: prefix delegation as the nodes really run it: a Xen node cannot take prefixes, and a Nitro node whose
 * managed ENIs hold secondary IPs and no prefix was launched (or its ipamd started) before the setting.
 */
export function checkPrefixDelegation(input: CheckInput<'awsNode' | 'networkInterfaces' | 'nodes'>): CheckFinding[] {
  const {awsNode, networkInterfaces, nodes} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  if (!settings.config.prefixDelegation || settings.ipv6) return []
  const enisOf = new Map<string, DoctorEni[]>()
  for (const eni of networkInterfaces) {
    const id = eni.attachment?.instanceId
    if (id && isPodEni(eni) && eni.tags[NO_MANAGE_TAG] !== 'true') enisOf.set(id, [...(enisOf.get(id) ?? []), eni])
  }

  const problems: Array<{key: Problem; node: DoctorNode; value: {problem: Problem; secondaryIps: number; type: string}}> = []
  for (const node of nodes) {
    const limits = node.instanceType ? input.facts.instanceTypes[node.instanceType] : undefined
    if (isFargateNode(node) || !limits || !node.instanceId) continue
    const enis = enisOf.get(node.instanceId) ?? []
    const secondaryIps = enis.reduce((sum, eni) => sum + eni.secondaryIpAddresses.length, 0)
    const prefixes = enis.reduce((sum, eni) => sum + eni.ipv4Prefixes.length, 0)
    // A node still at its secondary-IP max-pods is CNI002's finding (the same cause, launched before the setting): said once.
    const predates = secondaryIps > 0 && prefixes === 0 && !atSecondaryIpMaxPods(node, limits, settings)
    const problem: Problem | undefined = limits.hypervisor === 'xen' && !limits.bareMetal ? 'xen' : predates ? 'secondary-ips' : undefined
    if (problem) problems.push({key: problem, node, value: {problem, secondaryIps, type: limits.instanceType}})
  }

  return groupNodes(problems).map(({nodes: group, resource, value}) => ({
    evidence: {instanceType: value.type, nodeCount: group.length, nodes: nodeNames(group), problem: value.problem, secondaryIps: value.secondaryIps},
    message: `${group.length} ${value.type} node${group.length === 1 ? '' : 's'}: ${TEXT[value.problem].message}`,
    remedy: TEXT[value.problem].remedy,
    resource,
    severity: 'warning',
  }))
}
