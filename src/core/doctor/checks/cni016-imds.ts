import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorNode} from '../cluster-objects.js'
import {groupNodes, nodeNames} from '../node-groups.js'

interface ImdsProblem {
  key: string
  message: string
  remedy: string
}

/**
 * CNI016: ipamd reads the ENIs and their addresses from the instance metadata service. An instance with IMDS turned
 * off (`HttpEndpoint=disabled`) gives ipamd nothing; CNI v1.10.0 exactly cannot use IMDSv2 (`HttpTokens=required`).
 */
export function checkImds(input: CheckInput<'instances' | 'nodes', 'awsNode'>): CheckFinding[] {
  const {awsNode, instances, nodes} = input.reads
  const version = awsNode ? readAwsNodeSettings(awsNode, input.facts.envDefaults).cniVersion?.text : undefined
  const byId = new Map(nodes.filter((n) => n.instanceId).map((n) => [n.instanceId!, n]))
  const problems: Array<{key: string; node: DoctorNode; value: ImdsProblem & {httpEndpoint: string; httpTokens: string}}> = []
  for (const instance of instances) {
    const node = byId.get(instance.instanceId)
    const options = instance.metadataOptions
    if (!node || !options) continue
    const seen = {httpEndpoint: options.httpEndpoint ?? 'unknown', httpTokens: options.httpTokens ?? 'unknown'}
    if (options.httpEndpoint === 'disabled') {
      problems.push({key: 'disabled', node, value: {...seen, key: 'disabled', message: 'IMDS is disabled (HttpEndpoint=disabled): ipamd cannot read its ENIs, aws-node does not start', remedy: 'aws ec2 modify-instance-metadata-options --http-endpoint enabled, and set MetadataOptions HttpEndpoint=enabled in the launch template'}})
    } else if (options.httpTokens === 'required' && version === 'v1.10.0') {
      problems.push({key: 'v1.10.0', node, value: {...seen, key: 'v1.10.0', message: 'IMDSv2 is required (HttpTokens=required) and CNI v1.10.0 cannot use it', remedy: 'upgrade the CNI to v1.10.1 or newer (vpccni upgrade-plan --from v1.10.0)'}})
    }
  }

  return groupNodes(problems).map(({nodes: group, resource, value}) => ({
    evidence: {cniVersion: version ?? null, httpEndpoint: value.httpEndpoint, httpTokens: value.httpTokens, nodeCount: group.length, nodes: nodeNames(group)},
    message: `${group.length} node${group.length === 1 ? '' : 's'}: ${value.message}`,
    remedy: value.remedy,
    resource,
    severity: 'error',
  }))
}
