import {UserError} from '../../errors.js'
import {quoteInput} from '../quote-input.js'
import {envValueProblem, type EnvVarFact, parseGoBool} from '../aws-node-env.js'
import {suggestNearest} from '../suggest-nearest.js'
import {type IpamdConfig, MANIFEST_DEFAULTS} from './ipamd-config.js'

/** The variables the warm-pool model reads, and the config field each sets. */
export const MODELLED_ENV: Record<string, keyof Omit<IpamdConfig, 'maxPods'>> = {
  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'customNetworking',
  ENABLE_POD_ENI: 'securityGroupsForPods',
  ENABLE_PREFIX_DELEGATION: 'prefixDelegation',
  IP_COOLDOWN_PERIOD: 'ipCooldownSeconds',
  MAX_ENI: 'maxEni',
  MINIMUM_IP_TARGET: 'minimumIpTarget',
  WARM_ENI_TARGET: 'warmEniTarget',
  WARM_IP_TARGET: 'warmIpTarget',
  WARM_PREFIX_TARGET: 'warmPrefixTarget',
}

type Modes = Pick<IpamdConfig, 'customNetworking' | 'prefixDelegation' | 'securityGroupsForPods'>
const MODE_VARIABLES: Array<[string, keyof Modes]> = [
  ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'customNetworking'],
  ['ENABLE_POD_ENI', 'securityGroupsForPods'],
  ['ENABLE_PREFIX_DELEGATION', 'prefixDelegation'],
]

/** The aws-node variables that turn the modes on (`"true"`), for the modes that are on: MODELLED_ENV the other way round. */
export function modeEnv(modes: Modes): Record<string, string> {
  return Object.fromEntries(MODE_VARIABLES.filter(([name, field]) => MODELLED_ENV[name] === field && modes[field]).map(([name]) => [name, 'true']))
}

/**
 * Settings under which ipamd never grows or shrinks a pool (ipamd-algorithm.md §7): without provisioning or in
 * IMDS-only mode it only uses what is attached; with IPv6 the primary ENI gets one /80 prefix and the WARM_* targets are no-ops.
 */
const NO_WARM_POOL = ['DISABLE_NETWORK_RESOURCE_PROVISIONING', 'ENABLE_IMDS_ONLY_MODE', 'ENABLE_IPv6']

/** `KEY=VALUE` pairs checked against the aws-node variables: unknown names, non-integers and negatives are bad input. */
export function parseSetAssignments(pairs: string[], known: EnvVarFact[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UserError(`--set expects KEY=VALUE, got ${quoteInput(pair)}`, {hint: 'e.g. --set WARM_IP_TARGET=5'})
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    const variable = known.find((v) => v.name === name)
    if (!variable) {
      throw new UserError(`unknown aws-node variable ${quoteInput(name)}`, {suggestions: suggestNearest(name, known.map((v) => v.name))})
    }

    if (variable.kind === 'int' && !/^\d+$/.test(value)) {
      throw new UserError(`${name} must be a non-negative integer, got ${quoteInput(value)}`)
    }

    if (variable.kind === 'int' && !Number.isSafeInteger(Number(value))) {
      throw new UserError(`${name} must be an integer no larger than ${Number.MAX_SAFE_INTEGER}, got ${quoteInput(value)}`)
    }

    const problem = envValueProblem(variable, value)
    if (problem) throw new UserError(`${name} ${problem}, got ${quoteInput(value)}`)
    // ipamd reads booleans with Go's ParseBool ("1", "TRUE", ...): keep the model's view of them as true/false.
    env[name] = variable.kind === 'bool' ? String(parseGoBool(value)) : value
  }

  return env
}

export interface SettingsResult {
  config: Omit<IpamdConfig, 'maxPods'>
  /** Variables accepted but not part of the warm-pool model. */
  unmodelled: string[]
}

/**
 * The manifest defaults (or `base`, a node's own settings), then the flags' modes, then `--set`; a flag and
 * `--set` that disagree are bad input.
 */
export function buildIpamdSettings(
  modes: Partial<Record<keyof IpamdConfig, boolean>>,
  env: Record<string, string>,
  base: Omit<IpamdConfig, 'maxPods'> = MANIFEST_DEFAULTS,
): SettingsResult {
  const config: Omit<IpamdConfig, 'maxPods'> = {...base}
  const unmodelled: string[] = []
  for (const [field, on] of Object.entries(modes)) if (on) Object.assign(config, {[field]: true})
  for (const [name, value] of Object.entries(env)) {
    if (NO_WARM_POOL.includes(name) && value === 'true') {
      throw new UserError(`ipamd runs no warm pool with ${name}=true: nothing to simulate`)
    }

    const field = MODELLED_ENV[name]
    if (!field) {
      unmodelled.push(name)
      continue
    }

    const parsed = value === 'true' ? true : value === 'false' ? false : Number(value)
    if (modes[field] && parsed === false) throw new UserError(`--set ${name}=false contradicts the flag for the same mode`)
    Object.assign(config, {[field]: parsed})
  }

  if (config.prefixDelegation && config.warmPrefixTarget === 0 && config.warmIpTarget === 0 && config.minimumIpTarget === 0) {
    throw new UserError('with prefix delegation, WARM_PREFIX_TARGET, WARM_IP_TARGET and MINIMUM_IP_TARGET cannot all be 0', {
      hint: 'aws-node refuses to start with that configuration; WARM_PREFIX_TARGET=1 is the manifest default',
    })
  }

  return {config, unmodelled}
}
