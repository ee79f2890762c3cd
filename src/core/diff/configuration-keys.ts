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

/** The settings for a change, or why there are none; with settings, a reason names the part they leave out. */
export type SettingsResult = {reason: string; settings?: undefined} | {reason?: string; settings: Setting[]}

/** What a change's path and value alone do not tell. */
export interface ChangeContext {
  /** The live pod's affinity: the schema's `affinity` key replaces it whole, so a change inside sets all of it. */
  affinity?: unknown
  /** The baseline's value: of an agent's args, only the flags that differ from it are settings. */
  default?: unknown
}

const ENV_ITEM = /^\.env\[name="([^"]+)"\](?:\.value)?$/
const RESOURCE = /^\.resources\.(limits|requests)\.(cpu|memory)$/

/** The rest of `path` below `prefix` matched against `pattern`. */
const below = (path: string, prefix: string, pattern: RegExp) => (path.startsWith(prefix) ? pattern.exec(path.slice(prefix.length)) : null)

/** Whether the schema has a key (top-level, or under nodeAgent); env keys are checked where they are read. */
function accepts(schema: AddonSchemaKeys, key: string[]): boolean {
  if (!schema.topLevel.includes(key[0])) return false
  return key[0] !== 'nodeAgent' || schema.nodeAgent.includes(key[1])
}

function keyed(schema: AddonSchemaKeys, key: string[], value: unknown): SettingsResult {
  return accepts(schema, key) ? {settings: [{key, value}]} : {reason: `the add-on schema (${schema.addonVersion}) has no ${key.join('.')} key`}
}

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

function flagValues(args: unknown): Map<string, string | undefined> {
  return new Map((Array.isArray(args) ? args : []).map((arg) => {
    const text = String(arg)
    const equals = text.indexOf('=')
    return equals < 0 ? [text, undefined] : [text.slice(0, equals), text.slice(equals + 1)]
  }))
}

/** Settings for the agent flags that differ from the baseline; the rest of the args are not the user's change. */
function agentSettings(current: unknown, defaults: unknown, schema: AddonSchemaKeys): SettingsResult {
  const before = flagValues(defaults)
  const after = flagValues(current)
  const changed = [...new Set([...after.keys(), ...before.keys()])].filter((f) => !after.has(f) || !before.has(f) || after.get(f) !== before.get(f))
  const settings: Setting[] = []
  const unmapped: string[] = []
  for (const flag of changed) {
    const key = AGENT_FLAGS[flag]
    const value = after.get(flag)
    if (key && value !== undefined && accepts(schema, key)) settings.push({key, value})
    else unmapped.push(after.has(flag) ? flag : `${flag} (removed)`)
  }

  const reason = unmapped.length > 0 ? `no key in the add-on schema (${schema.addonVersion}) for agent flags ${unmapped.join(', ')}` : undefined
  if (settings.length === 0) return {reason: reason ?? 'the agent flags are as the baseline has them'}
  return reason ? {reason, settings} : {settings}
}

function affinitySetting(affinity: unknown, schema: AddonSchemaKeys): SettingsResult {
  if (affinity === null || affinity === undefined) return {reason: 'removing the affinity cannot be written as configurationValues'}
  return keyed(schema, ['affinity'], affinity)
}

/**
 * The configurationValues keys that would make one change permanent, or why there are none: the add-on
 * schema accepts env variables, resources, probe timeouts, tolerations, affinity and a few agent flags.
 */
export function settingsForChange(path: string, current: unknown, schema: AddonSchemaKeys, context: ChangeContext = {}): SettingsResult {
  const env = envSetting(path, current, schema)
  if (env) return env
  if (path === `${POD}.affinity` || path.startsWith(`${POD}.affinity.`)) return affinitySetting(context.affinity, schema)
  if (current === null || current === undefined) return {reason: 'removing a field cannot be written as configurationValues'}
  const resources = below(path, AWS_NODE, RESOURCE)
  if (resources) return keyed(schema, ['resources', resources[1], resources[2]], String(current))
  if (path === `${AWS_NODE}.livenessProbe.timeoutSeconds`) return keyed(schema, ['livenessProbeTimeoutSeconds'], Number(current))
  if (path === `${AWS_NODE}.readinessProbe.timeoutSeconds`) return keyed(schema, ['readinessProbeTimeoutSeconds'], Number(current))
  if (path === `${POD}.tolerations`) return keyed(schema, ['tolerations'], current)
  if (path === `${AGENT}.args`) return agentSettings(current, context.default, schema)
  if (path.endsWith('.image')) {
    return {reason: 'the add-on schema has no image key: images follow the add-on version, chosen with aws eks update-addon --addon-version'}
  }
  return {reason: 'the add-on schema has no key for this field'}
}
