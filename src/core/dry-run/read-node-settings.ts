import {parseGoBool} from '../aws-node-env.js'
import {type IpamdConfig, MANIFEST_DEFAULTS} from '../ipamd/ipamd-config.js'

/** Settings outside the warm-pool config that decide which ENIs ipamd uses. */
export interface EniSelection {
  /** CLUSTER_NAME: subnets tagged for other clusters only are excluded. */
  clusterName: null | string
  /** ENABLE_MULTI_NIC: ENIs on network cards > 0 are used (the model covers card 0 only). */
  multiNic: boolean
  /** MANAGE_UNTAGGED_ENI (default true): ENIs with neither ipamd tag are managed. */
  manageUntaggedEni: boolean
  /** ENABLE_SUBNET_DISCOVERY (default true): subnets tagged `kubernetes.io/role/cni=0` are excluded. */
  subnetDiscovery: boolean
}

export interface NodeSettings {
  config: Omit<IpamdConfig, 'maxPods'>
  /** Values ipamd would not parse, and the default it falls back to. */
  fallbacks: string[]
  /** The variable that turns the warm pool off, when one does. */
  noWarmPool: null | string
  selection: EniSelection
}

/** ipamd's own defaults when a variable is unset (pkg/ipamd/ipamd.go): the manifest's, but WARM_PREFIX_TARGET 0 (ipamd.go:152). */
export const BINARY_DEFAULTS: Omit<IpamdConfig, 'maxPods'> = {...MANIFEST_DEFAULTS, warmPrefixTarget: 0}

const INTEGERS: Array<[string, 'ipCooldownSeconds' | 'maxEni' | 'minimumIpTarget' | 'warmEniTarget' | 'warmIpTarget' | 'warmPrefixTarget']> = [
  ['IP_COOLDOWN_PERIOD', 'ipCooldownSeconds'],
  ['MAX_ENI', 'maxEni'],
  ['MINIMUM_IP_TARGET', 'minimumIpTarget'],
  ['WARM_ENI_TARGET', 'warmEniTarget'],
  ['WARM_IP_TARGET', 'warmIpTarget'],
  ['WARM_PREFIX_TARGET', 'warmPrefixTarget'],
]

const NO_WARM_POOL = ['DISABLE_NETWORK_RESOURCE_PROVISIONING', 'ENABLE_IMDS_ONLY_MODE', 'ENABLE_IPv6']

/**
 * The settings as ipamd itself reads its environment: unset means the binary default, and a value it cannot
 * parse falls back to the default instead of being refused (ipamd.go getWarmENITarget, getWarmIPTarget, ...).
 */
export function readNodeSettings(env: Record<string, string>): NodeSettings {
  const config = {...BINARY_DEFAULTS}
  const fallbacks: string[] = []
  for (const [name, field] of INTEGERS) {
    const value = env[name]
    if (value === undefined) continue
    const parsed = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN
    if (Number.isSafeInteger(parsed) && (parsed >= 0 || field === 'maxEni')) config[field] = parsed
    else fallbacks.push(`${name}="${value}" is not a valid count: ipamd uses ${config[field]}`)
  }

  // ipamd accepts exactly "true" for these (utils.go GetBoolAsStringEnvVar falls back on anything else).
  config.prefixDelegation = parseGoBool(env.ENABLE_PREFIX_DELEGATION ?? '') === true
  config.securityGroupsForPods = parseGoBool(env.ENABLE_POD_ENI ?? '') === true
  config.customNetworking = parseGoBool(env.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG ?? '') === true
  const flag = (name: string, fallback: boolean): boolean => parseGoBool(env[name] ?? '') ?? fallback
  return {
    config,
    fallbacks,
    noWarmPool: NO_WARM_POOL.find((name) => parseGoBool(env[name] ?? '') === true) ?? null,
    selection: {
      clusterName: env.CLUSTER_NAME || null,
      manageUntaggedEni: flag('MANAGE_UNTAGGED_ENI', true),
      multiNic: flag('ENABLE_MULTI_NIC', false),
      subnetDiscovery: flag('ENABLE_SUBNET_DISCOVERY', true),
    },
  }
}

/** The modelled variables whose values differ between two environments (the pod and its DaemonSet's template). */
export function differingSettings(pod: Record<string, string>, template: Record<string, string>): string[] {
  const names = new Set([...Object.keys(pod), ...Object.keys(template)])
  return [...names].filter((name) => pod[name] !== template[name]).sort()
}
