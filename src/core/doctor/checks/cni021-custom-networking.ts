import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import {eniConfigNameOf} from '../eni-config-name.js'
import {isFargateNode} from '../node-capacity.js'
import {groupNodes, nodeNames} from '../node-groups.js'

interface Mismatch {
  eniConfig: string
  problem: 'missing' | 'other-zone' | 'unknown-subnet'
  subnet: null | string
  subnetZone: null | string
  zone: null | string
}

/**
 * CNI021: with custom networking on, every node's ENIConfig (annotation, else label, else `default`) must exist and
 * name a subnet in the node's own zone; else ipamd attaches no secondary ENI and pods there get no address.
 * An ENIConfig no node uses is fine.
 */
export function checkCustomNetworking(input: CheckInput<'awsNode' | 'eniConfigs' | 'nodes', 'subnets'>): CheckFinding[] {
  const {awsNode, eniConfigs, nodes, subnets} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  if (!settings.config.customNetworking) return []
  const configs = new Map((eniConfigs ?? []).map((c) => [c.name, c]))
  // Without DescribeSubnets only the ENIConfigs' existence is checked (the runner lists the zone check as partial).
  const zoneOf = subnets ? new Map(subnets.map((s) => [s.subnetId, s.availabilityZone])) : undefined
  const wrong: Array<{key: string; node: DoctorNode; value: Mismatch}> = []
  for (const node of nodes) {
    if (isFargateNode(node)) continue
    const name = eniConfigNameOf(node, settings)
    const config = configs.get(name)
    const subnetZone = config ? zoneOf?.get(config.subnet) ?? null : null
    const problem = !config ? 'missing' : !zoneOf ? undefined : !zoneOf.has(config.subnet) ? 'unknown-subnet' : subnetZone !== node.zone ? 'other-zone' : undefined
    if (problem) wrong.push({key: `${problem}/${name}/${node.zone}`, node, value: {eniConfig: name, problem, subnet: config?.subnet ?? null, subnetZone, zone: node.zone}})
  }

  return groupNodes(wrong).map(({nodes: group, resource, value}) => ({
    evidence: {...value, nodeCount: group.length, nodes: nodeNames(group)},
    message: `${group.length} node${group.length === 1 ? '' : 's'} in ${value.zone ?? 'an unknown zone'}: ${describe(value)}; ipamd attaches no pod ENI there and pods get no address`,
    remedy: value.problem === 'missing'
      ? `create ENIConfig ${value.eniConfig} with a subnet in ${value.zone ?? 'the node\'s zone'} (or label the nodes with an existing one), then replace the nodes`
      : `point ENIConfig ${value.eniConfig} at a subnet in ${value.zone ?? 'the node\'s zone'}, or give these nodes the ENIConfig of their zone; then replace the nodes`,
    resource,
    severity: 'error',
  }))
}

function describe(m: Mismatch): string {
  if (m.problem === 'missing') return `ENIConfig ${m.eniConfig} does not exist`
  if (m.problem === 'unknown-subnet') return `ENIConfig ${m.eniConfig} names subnet ${m.subnet}, which EC2 does not know`
  return `ENIConfig ${m.eniConfig} names subnet ${m.subnet} in ${m.subnetZone ?? 'another zone'}`
}
