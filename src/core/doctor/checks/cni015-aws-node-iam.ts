import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorEvent} from '../health-objects.js'
import {AWS_NODE_DAEMONSET, AWS_NODE_SERVICE_ACCOUNT, cappedNames} from '../health-helpers.js'

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn'

/** ipamd's words when EC2 refuses it (pkg/awsutils), and the MissingIAMPermissions event reason it raises. */
const REFUSED = /UnauthorizedOperation|missing permissions|not authorized to perform/i

const isPermissionEvent = (e: DoctorEvent): boolean =>
  e.reason === 'MissingIAMPermissions' || (e.involved.kind === 'Pod' && e.involved.name.startsWith('aws-node') && REFUSED.test(e.message))

/**
 * CNI015: IAM for aws-node. Events where EC2 refused ipamd an action are errors; an IPv6 cluster whose aws-node runs
 * on the node role (which carries AmazonEKS_CNI_Policy, IPv4 only) is a warning; neither IRSA nor Pod Identity is info.
 */
export function checkAwsNodeIam(input: CheckInput<'awsNode', 'addon' | 'awsNodeServiceAccount' | 'eksCluster' | 'warningEvents'>): CheckFinding[] {
  const {addon, awsNode, awsNodeServiceAccount, eksCluster, warningEvents} = input.reads
  if (!awsNode) return []
  const ipv6 = eksCluster?.ipFamily === 'ipv6'
  const refused = (warningEvents ?? []).filter((e) => isPermissionEvent(e))
  const role = awsNodeServiceAccount?.annotations[IRSA_ANNOTATION] ?? addon?.serviceAccountRoleArn ?? null
  const podIdentity = addon?.podIdentityAssociations ?? []
  const findings: CheckFinding[] = []
  if (refused.length > 0) findings.push(permissionFinding(refused, ipv6, role))
  // Without the add-on (EKS not read), a Pod Identity association cannot be ruled out, nor can the add-on's role without
  // the ServiceAccount: say nothing rather than guess.
  if (role || podIdentity.length > 0 || addon === undefined) return findings
  findings.push({
    evidence: {ipFamily: eksCluster?.ipFamily ?? null, podIdentityAssociations: 0, serviceAccountRoleArn: null},
    message: ipv6
      ? 'aws-node has neither IRSA nor Pod Identity in an IPv6 cluster: it uses the node role, whose AmazonEKS_CNI_Policy grants no IPv6 actions'
      : 'aws-node has neither IRSA nor Pod Identity: it uses the node role, so every pod on the node can use the CNI\'s EC2 permissions',
    remedy: ipv6
      ? 'give aws-node a role with the IPv6 CNI policy (ec2:AssignIpv6Addresses, ...): aws eks update-addon --service-account-role-arn ROLE, or a Pod Identity association'
      : 'give aws-node its own role with AmazonEKS_CNI_Policy (IRSA or a Pod Identity association) and remove that policy from the node role',
    resource: AWS_NODE_SERVICE_ACCOUNT,
    severity: ipv6 ? 'warning' : 'info',
  })
  return findings
}

function permissionFinding(events: DoctorEvent[], ipv6: boolean, role: null | string): CheckFinding {
  const actions = [...new Set(events.flatMap((e) => [...e.message.matchAll(/ec2:\w+/g)].map((m) => m[0])))].sort()
  const nodes = [...new Set(events.map((e) => e.nodeName ?? '?'))].sort()
  const ipv6Missing = ipv6 && actions.some((a) => /Ipv6/.test(a))
  return {
    evidence: {
      actions, events: events.reduce((sum, e) => sum + e.count, 0), nodes: cappedNames(nodes), role,
      sample: events[0].message.slice(0, 300),
    },
    message: `EC2 refused aws-node ${actions.length > 0 ? actions.join(', ') : 'an action'} on ${nodes.length} node${nodes.length === 1 ? '' : 's'}: ipamd cannot attach ENIs or assign addresses`,
    remedy: ipv6Missing
      ? `attach the IPv6 CNI policy (ec2:AssignIpv6Addresses, ...) to ${role ?? 'the node role'}: AmazonEKS_CNI_Policy covers IPv4 only`
      : `attach AmazonEKS_CNI_Policy (or the actions named) to ${role ?? 'the node role'}`,
    resource: AWS_NODE_DAEMONSET,
    severity: 'error',
  }
}
