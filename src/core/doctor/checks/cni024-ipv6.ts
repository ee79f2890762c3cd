import {parseGoBool} from '../../aws-node-env.js'
import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import {clusterLints, LINTS_OWNED_ELSEWHERE} from '../cluster-diff.js'
import {AWS_NODE_DAEMONSET} from '../health-helpers.js'

/**
 * CNI024: the cluster's IP family (EKS DescribeCluster) against aws-node: an IPv6 cluster needs ENABLE_IPv6=true in
 * aws-node and its init container (and prefix delegation, IPv4 off: the diff engine's IP-family lints); an IPv4
 * cluster must not have IPv6 on.
 */
export function checkIpv6(input: CheckInput<'awsNode', 'eksCluster'>): CheckFinding[] {
  const {awsNode, eksCluster} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  const family = eksCluster?.ipFamily ?? null
  const init = awsNode.initContainers.find((c) => c.name === 'aws-vpc-cni-init')
  const initValue = init?.env.find((e) => e.name === 'ENABLE_IPv6')?.value
  const initIpv6 = initValue === undefined ? null : parseGoBool(initValue) === true
  const evidence = {clusterIpFamily: family, enableIpv6: settings.ipv6, initEnableIpv6: initIpv6}
  const findings: CheckFinding[] = []
  if (family === 'ipv6' && !settings.ipv6) {
    findings.push({evidence, message: 'the cluster is IPv6 but aws-node runs with ENABLE_IPv6 off: pods get no IPv6 address', remedy: 'set ENABLE_IPv6=true and ENABLE_PREFIX_DELEGATION=true, ENABLE_IPv4=false in aws-node and ENABLE_IPv6=true in aws-vpc-cni-init', resource: AWS_NODE_DAEMONSET, severity: 'error'})
  } else if (family === 'ipv4' && settings.ipv6) {
    findings.push({evidence, message: 'the cluster is IPv4 but aws-node runs with ENABLE_IPv6=true: ipamd hands out IPv6 addresses the cluster cannot route', remedy: 'set ENABLE_IPv6=false (and ENABLE_IPv4=true) in aws-node and aws-vpc-cni-init', resource: AWS_NODE_DAEMONSET, severity: 'error'})
  } else if (settings.ipv6 && initIpv6 === false) {
    findings.push({evidence, message: 'aws-node has ENABLE_IPv6=true but its init container aws-vpc-cni-init has it false: the node\'s IPv6 sysctls are not set', remedy: 'set ENABLE_IPv6=true in the aws-vpc-cni-init container too', resource: AWS_NODE_DAEMONSET, severity: 'error'})
  }

  const lints = clusterLints({awsNode}, input.facts).filter((l) => LINTS_OWNED_ELSEWHERE[l.id] === 'CNI024')
  findings.push(...lints.map((lint) => ({evidence: {...evidence, lint: lint.id}, message: lint.message, remedy: 'IPv6 mode is ENABLE_IPv6=true, ENABLE_IPv4=false and ENABLE_PREFIX_DELEGATION=true together', resource: AWS_NODE_DAEMONSET, severity: lint.severity})))
  return findings
}
