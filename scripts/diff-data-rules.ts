/**
 * The hand-kept parts of `vpccni diff`'s reference data: how the shared env table's free-text types read,
 * and when each variable entered the upstream manifest. Source of the history: ../shared/docs/aws-node-manifest.md
 * ("aws-node env keys added", computed from the aws-k8s-cni.yaml of every aws/amazon-vpc-cni-k8s tag).
 */
import type {EnvValueKind, ManifestEnvEntry} from '../src/core/diff/reference-data.js'

/** `int (seconds)`, `bool-string`, `string (strict|standard)`, `string (JSON object)` → a checkable kind. */
export function classifyEnvType(type: string): {allowed?: string[]; kind: EnvValueKind} {
  if (type.startsWith('int')) return {kind: 'int'}
  if (type === 'bool-string') return {kind: 'bool'}
  if (type.includes('downward API')) return {kind: 'fieldRef'}
  if (type.includes('JSON object')) return {kind: 'json'}
  const choices = /^string \(([a-z|]+)\)$/.exec(type)
  if (choices) return {allowed: choices[1].split('|'), kind: 'enum'}
  return {kind: 'string'}
}

/** `v1.12.1 (deprecated v1.13.2)`, `deprecated v1.12.1`, `v1.9.0` or null. */
export function parseSince(since: null | string): {deprecatedIn?: string; since: null | string} {
  if (!since) return {since: null}
  const deprecated = /deprecated (v[\d.]+)/.exec(since)?.[1]
  const first = /^(v[\d.]+)/.exec(since)?.[1] ?? null
  return deprecated ? {deprecatedIn: deprecated, since: first} : {since: first}
}

/** First manifest that sets each aws-node variable; absent here means present since v1.5.0. */
const AWS_NODE_FROM: Record<string, string> = {
  ADDITIONAL_ENI_TAGS: 'v1.7.0', AWS_VPC_CNI_NODE_PORT_SUPPORT: 'v1.7.0', AWS_VPC_ENI_MTU: 'v1.6.1',
  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'v1.7.0', AWS_VPC_K8S_CNI_EXTERNALSNAT: 'v1.7.0', AWS_VPC_K8S_CNI_LOG_FILE: 'v1.7.0',
  AWS_VPC_K8S_CNI_RANDOMIZESNAT: 'v1.7.0', AWS_VPC_K8S_CNI_VETHPREFIX: 'v1.6.0', AWS_VPC_K8S_PLUGIN_LOG_FILE: 'v1.7.0',
  AWS_VPC_K8S_PLUGIN_LOG_LEVEL: 'v1.7.0', DISABLE_INTROSPECTION: 'v1.7.0', DISABLE_METRICS: 'v1.7.0',
  DISABLE_NETWORK_RESOURCE_PROVISIONING: 'v1.9.1', ENABLE_IMDS_ONLY_MODE: 'v1.19.6', ENABLE_IPv4: 'v1.10.0', ENABLE_IPv6: 'v1.10.0',
  ENABLE_MULTI_NIC: 'v1.20.0', ENABLE_POD_ENI: 'v1.7.0', ENABLE_PREFIX_DELEGATION: 'v1.9.0', ENABLE_SUBNET_DISCOVERY: 'v1.18.0',
  MY_POD_NAME: 'v1.12.6', NETWORK_POLICY_ENFORCING_MODE: 'v1.17.1', VPC_CNI_VERSION: 'v1.15.1', WARM_ENI_TARGET: 'v1.7.0',
  WARM_PREFIX_TARGET: 'v1.9.0',
}
const INIT_FROM: Record<string, string> = {DISABLE_TCP_EARLY_DEMUX: 'v1.7.3', ENABLE_IPv6: 'v1.10.0'}
/** Variables that older manifests set and the current one does not; their manifest values are not in the data. */
const REMOVED: ManifestEnvEntry[] = [
  {container: 'aws-node', from: 'v1.7.0', name: 'AWS_VPC_K8S_CNI_CONFIGURE_RPFILTER', until: 'v1.12.1', value: null},
  {container: 'aws-node', from: 'v1.18.4', name: 'ANNOTATE_POD_IP', until: 'v1.19.0', value: null},
]

interface Container {env?: Array<{name: string; value?: string}>; name: string}

/** The template's env entries, each with the release that introduced it, plus the entries later removed. */
export function envManifestHistory(template: Record<string, unknown>): ManifestEnvEntry[] {
  const spec = (template as {spec: {template: {spec: {containers: Container[]; initContainers: Container[]}}}}).spec.template.spec
  const entries: ManifestEnvEntry[] = []
  for (const container of [...spec.initContainers, ...spec.containers]) {
    const from = container.name === 'aws-vpc-cni-init' ? INIT_FROM : container.name === 'aws-eks-nodeagent' ? {} : AWS_NODE_FROM
    const first = container.name === 'aws-eks-nodeagent' ? 'v1.14.0' : container.name === 'aws-vpc-cni-init' ? 'v1.7.0' : 'v1.5.0'
    for (const variable of container.env ?? []) {
      entries.push({container: container.name, from: from[variable.name] ?? first, name: variable.name})
    }
  }

  return [...entries, ...REMOVED]
}
