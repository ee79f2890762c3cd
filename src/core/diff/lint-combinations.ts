import {parseGoBool} from '../aws-node-env.js'
import {argValue, AWS_NODE_PATH, type ContainerSpec, envValues} from './daemonset-parts.js'
import type {KubeObject, LintFinding, LintSeverity} from './diff-report.js'

export interface CombinationInput {
  agent?: ContainerSpec
  awsNode?: ContainerSpec
  configMap?: KubeObject
  eniConfigs?: string[]
}

const AGENT_ARGS = '.spec.template.spec.containers[name="aws-eks-nodeagent"].args'

function finding(id: string, severity: LintSeverity, variable: string, message: string): LintFinding {
  return {id, message, path: `${AWS_NODE_PATH}.env[name="${variable}"]`, severity}
}

/** ipamd reads an unset or unparsable integer as 0 (off) for these targets. */
function intOf(env: Map<string, string>, name: string): number {
  const value = Number.parseInt(env.get(name) ?? '', 10)
  return Number.isNaN(value) ? 0 : value
}

const isOn = (env: Map<string, string>, name: string) => parseGoBool(env.get(name) ?? '') === true

function warmTargetFindings(env: Map<string, string>): LintFinding[] {
  const findings: LintFinding[] = []
  const ipTargets = intOf(env, 'WARM_IP_TARGET') > 0 || intOf(env, 'MINIMUM_IP_TARGET') > 0
  if (intOf(env, 'WARM_IP_TARGET') > 0 && intOf(env, 'MINIMUM_IP_TARGET') === 0) {
    findings.push(finding('warm-ip-without-minimum', 'warning', 'WARM_IP_TARGET',
      'WARM_IP_TARGET without MINIMUM_IP_TARGET: many small EC2 calls under churn, risking throttling (set MINIMUM_IP_TARGET to the usual pod count)'))
  }

  if (isOn(env, 'ENABLE_PREFIX_DELEGATION') && env.has('WARM_PREFIX_TARGET') && intOf(env, 'WARM_PREFIX_TARGET') === 0 && !ipTargets) {
    findings.push(finding('prefix-warm-prefix-zero', 'warning', 'WARM_PREFIX_TARGET',
      'WARM_PREFIX_TARGET=0 with prefix delegation and no WARM_IP_TARGET/MINIMUM_IP_TARGET: unsupported, prefixes are allocated and freed in a loop'))
  }

  if (isOn(env, 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') && env.get('WARM_ENI_TARGET') === '0' && !ipTargets) {
    findings.push(finding('custom-networking-warm-eni-zero', 'warning', 'WARM_ENI_TARGET',
      'WARM_ENI_TARGET=0 with custom networking and no WARM_IP_TARGET/MINIMUM_IP_TARGET: an ENI is attached and detached in a loop'))
  }

  return findings
}

function ipFamilyFindings(env: Map<string, string>): LintFinding[] {
  const findings: LintFinding[] = []
  if (isOn(env, 'ENABLE_IPv6') && isOn(env, 'ENABLE_IPv4')) {
    findings.push(finding('ipv4-and-ipv6', 'error', 'ENABLE_IPv6',
      'ENABLE_IPv4 and ENABLE_IPv6 both true: dual stack is not supported, ipamd refuses to start'))
  }

  if (isOn(env, 'ENABLE_IPv6') && !isOn(env, 'ENABLE_PREFIX_DELEGATION')) {
    findings.push(finding('ipv6-without-prefix', 'error', 'ENABLE_PREFIX_DELEGATION', 'ENABLE_IPv6=true needs ENABLE_PREFIX_DELEGATION=true'))
  }

  return findings
}

function eniConfigFindings(env: Map<string, string>, eniConfigs: string[] | undefined): LintFinding[] {
  const variable = 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG'
  if (!isOn(env, variable)) return []
  if (eniConfigs === undefined) {
    return [finding('custom-networking-eniconfigs', 'info', variable,
      'custom networking is on: check that an ENIConfig exists for every zone (kubectl get eniconfigs); none in the input')]
  }

  return eniConfigs.length > 0
    ? []
    : [finding('custom-networking-eniconfigs', 'error', variable, 'custom networking is on but there is no ENIConfig: new nodes get no pod IPs')]
}

/** The ConfigMap switches the controller side of network policy, the agent flag the node side: they must agree. */
function networkPolicyFindings(agent: ContainerSpec | undefined, configMap: KubeObject | undefined): LintFinding[] {
  const controller = (configMap?.data as Record<string, string> | undefined)?.['enable-network-policy-controller']
  if (controller === undefined) return []
  const agentOn = parseGoBool(argValue(agent, '--enable-network-policy') ?? 'false') === true
  const controllerOn = parseGoBool(controller) === true
  if (agentOn === controllerOn) return []
  const consequence = controllerOn ? 'policies are accepted but no node enforces them' : 'the agent waits for PolicyEndpoints that no controller writes'
  return [{
    id: 'network-policy-mismatch',
    message: `ConfigMap amazon-vpc-cni has enable-network-policy-controller=${controller} but the aws-eks-nodeagent runs with ` +
      `--enable-network-policy=${agentOn}: ${consequence}`,
    path: AGENT_ARGS,
    severity: 'warning',
  }]
}

/** The bad combinations users hit (recurring aws/amazon-vpc-cni-k8s issues on WARM_IP_TARGET, target-0 flapping and custom networking, and the IP-family checks of ipamd). */
export function lintCombinations(input: CombinationInput): LintFinding[] {
  const env = envValues(input.awsNode)
  return [
    ...warmTargetFindings(env),
    ...ipFamilyFindings(env),
    ...eniConfigFindings(env, input.eniConfigs),
    ...networkPolicyFindings(input.agent, input.configMap),
  ]
}
