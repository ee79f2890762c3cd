import type {AddonSchemaKeys} from './reference-data.js'

const POD = '.spec.template.spec'
const AWS_NODE = `${POD}.containers[name="aws-node"]`
const INIT = `${POD}.initContainers[name="aws-vpc-cni-init"]`
const AGENT = `${POD}.containers[name="aws-eks-nodeagent"]`

/** Network policy agent flags that the schema exposes, and where. */
const AGENT_FLAGS: Record<string, string[]> = {
  '--enable-cloudwatch-logs': ['nodeAgent', 'enableCloudWatchLogs'],
  '--enable-network-policy': ['enableNetworkPolicy'],
  '--enable-policy-event-logs': ['nodeAgent', 'enablePolicyEventLogs'],
  '--health-probe-bind-addr': ['nodeAgent', 'healthProbeBindAddr'],
  '--metrics-bind-addr': ['nodeAgent', 'metricsBindAddr'],
}

export interface Setting {
  key: string[]
  value: unknown
}

export type SettingsResult = {reason: string; settings?: undefined} | {reason?: undefined; settings: Setting[]}

const ENV_ITEM = /^\.env\[name="([^"]+)"\](?:\.value)?$/
const RESOURCE = /^\.resources\.(limits|requests)\.(cpu|memory)$/

/** The rest of `path` below `prefix` matched against `pattern`. */
const below = (path: string, prefix: string, pattern: RegExp) => (path.startsWith(prefix) ? pattern.exec(path.slice(prefix.length)) : null)

function envSetting(path: string, value: unknown, schema: AddonSchemaKeys): SettingsResult | undefined {
  for (const [prefix, keys, at] of [[AWS_NODE, schema.env, ['env']], [INIT, schema.initEnv, ['init', 'env']]] as const) {
    const name = below(path, prefix, ENV_ITEM)?.[1]
    if (!name) continue
    const text = typeof value === 'object' && value !== null ? (value as {value?: unknown}).value : value
    if (!keys.includes(name)) return {reason: `${name} is not a key of the add-on schema (${schema.addonVersion})`}
    if (text === null || text === undefined) {
      return {reason: 'a variable set through valueFrom or removed cannot be written as configurationValues'}
    }

    return {settings: [{key: [...at, name], value: String(text)}]}
  }

  return undefined
}

function agentSettings(current: unknown): SettingsResult {
  const settings: Setting[] = []
  for (const arg of Array.isArray(current) ? current : []) {
    const [flag, value] = String(arg).split('=', 2)
    if (AGENT_FLAGS[flag] && value !== undefined) settings.push({key: AGENT_FLAGS[flag], value})
  }

  return settings.length > 0 ? {settings} : {reason: 'none of these agent flags is in the add-on schema'}
}

/**
 * The configurationValues keys that would make one change permanent, or why there are none: the add-on
 * schema accepts env variables, resources, probe timeouts, tolerations, affinity and a few agent flags.
 */
export function settingsForChange(path: string, current: unknown, schema: AddonSchemaKeys): SettingsResult {
  const env = envSetting(path, current, schema)
  if (env) return env
  if (current === null || current === undefined) return {reason: 'removing a field cannot be written as configurationValues'}
  const resources = below(path, AWS_NODE, RESOURCE)
  if (resources) return {settings: [{key: ['resources', resources[1], resources[2]], value: String(current)}]}
  if (path === `${AWS_NODE}.livenessProbe.timeoutSeconds`) return {settings: [{key: ['livenessProbeTimeoutSeconds'], value: Number(current)}]}
  if (path === `${AWS_NODE}.readinessProbe.timeoutSeconds`) return {settings: [{key: ['readinessProbeTimeoutSeconds'], value: Number(current)}]}
  if (path === `${POD}.tolerations`) return {settings: [{key: ['tolerations'], value: current}]}
  if (path === `${AGENT}.args`) return agentSettings(current)
  if (path.endsWith('.image')) return {reason: 'images follow the add-on version: choose it with update-addon --addon-version'}
  return {reason: 'the add-on schema has no key for this field'}
}
