import {argValue, AWS_NODE_PATH, type ContainerSpec, envValues, parseGoBool} from './daemonset-parts.js'
import type {KubeObject, LintFinding} from './diff-report.js'

export interface CombinationInput {
  agent?: ContainerSpec
  awsNode?: ContainerSpec
  configMap?: KubeObject
  eniConfigs?: string[]
}

const envPath = (name: string) => `${AWS_NODE_PATH}.env[name="${name}"]`

/** ipamd reads an unset or unparsable integer as 0 (off) for these targets. */
function intOf(env: Map<string, string>, name: string): number {
  const value = Number.parseInt(env.get(name) ?? '', 10)
  return Number.isNaN(value) ? 0 : value
}

function warmTargetFindings(env: Map<string, string>): LintFinding[] {
  const findings: LintFinding[] = []
  const ipTargets = intOf(env, 'WARM_IP_TARGET') > 0 || intOf(env, 'MINIMUM_IP_TARGET') > 0
  if (intOf(env, 'WARM_IP_TARGET') > 0 && intOf(env, 'MINIMUM_IP_TARGET') === 0) {
    findings.push({id: 'warm-ip-without-minimum', message: 'WARM_IP_TARGET without MINIMUM_IP_TARGET: many small EC2 calls under churn, risking throttling (set MINIMUM_IP_TARGET to the usual pod count)', path: envPath('WARM_IP_TARGET'), severity: 'warning'})
  }

  if (parseGoBool(env.get('ENABLE_PREFIX_DELEGATION') ?? '') && env.has('WARM_PREFIX_TARGET') && intOf(env, 'WARM_PREFIX_TARGET') === 0 && !ipTargets) {
    findings.push({id: 'prefix-warm-prefix-zero', message: 'WARM_PREFIX_TARGET=0 with prefix delegation and no WARM_IP_TARGET/MINIMUM_IP_TARGET: unsupported, prefixes are allocated and freed in a loop', path: envPath('WARM_PREFIX_TARGET'), severity: 'warning'})
  }

  if (parseGoBool(env.get('AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') ?? '') && env.get('WARM_ENI_TARGET') === '0' && !ipTargets) {
    findings.push({id: 'custom-networking-warm-eni-zero', message: 'WARM_ENI_TARGET=0 with custom networking and no WARM_IP_TARGET/MINIMUM_IP_TARGET: an ENI is attached and detached in a loop', path: envPath('WARM_ENI_TARGET'), severity: 'warning'})
  }

  return findings
}

function ipFamilyFindings(env: Map<string, string>): LintFinding[] {
  const findings: LintFinding[] = []
  const v6 = parseGoBool(env.get('ENABLE_IPv6') ?? '') === true
  if (v6 && parseGoBool(env.get('ENABLE_IPv4') ?? '') === true) {
    findings.push({id: 'ipv4-and-ipv6', message: 'ENABLE_IPv4 and ENABLE_IPv6 both true: dual stack is not supported, ipamd refuses to start', path: envPath('ENABLE_IPv6'), severity: 'error'})
  }

  if (v6 && parseGoBool(env.get('ENABLE_PREFIX_DELEGATION') ?? '') !== true) {
    findings.push({id: 'ipv6-without-prefix', message: 'ENABLE_IPv6=true needs ENABLE_PREFIX_DELEGATION=true', path: envPath('ENABLE_PREFIX_DELEGATION'), severity: 'error'})
  }

  return findings
}

function eniConfigFindings(env: Map<string, string>, eniConfigs: string[] | undefined): LintFinding[] {
  if (!parseGoBool(env.get('AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG') ?? '')) return []
  const path = envPath('AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG')
  if (eniConfigs === undefined) {
    return [{id: 'custom-networking-eniconfigs', message: 'custom networking is on: check that an ENIConfig exists for every zone (kubectl get eniconfigs); none in the input', path, severity: 'info'}]
  }

  return eniConfigs.length > 0 ? [] : [{id: 'custom-networking-eniconfigs', message: 'custom networking is on but there is no ENIConfig: new nodes get no pod IPs', path, severity: 'error'}]
}

/** The ConfigMap switches the controller side of network policy, the agent flag the node side: they must agree. */
function networkPolicyFindings(agent: ContainerSpec | undefined, configMap: KubeObject | undefined): LintFinding[] {
  const controller = (configMap?.data as Record<string, string> | undefined)?.['enable-network-policy-controller']
  if (controller === undefined) return []
  const agentOn = parseGoBool(argValue(agent, '--enable-network-policy') ?? 'false') === true
  const controllerOn = parseGoBool(controller) === true
  if (agentOn === controllerOn) return []
  return [{
    id: 'network-policy-mismatch',
    message: `ConfigMap amazon-vpc-cni has enable-network-policy-controller=${controller} but the aws-eks-nodeagent runs with --enable-network-policy=${agentOn}: ${controllerOn ? 'policies are accepted but no node enforces them' : 'the agent waits for PolicyEndpoints that no controller writes'}`,
    path: '.spec.template.spec.containers[name="aws-eks-nodeagent"].args',
    severity: 'warning',
  }]
}

/** The bad combinations users hit (../shared/docs/user-problems.md #6, #8, #13 and the IP-family checks of ipamd). */
export function lintCombinations(input: CombinationInput): LintFinding[] {
  const env = envValues(input.awsNode)
  return [...warmTargetFindings(env), ...ipFamilyFindings(env), ...eniConfigFindings(env, input.eniConfigs), ...networkPolicyFindings(input.agent, input.configMap)]
}
