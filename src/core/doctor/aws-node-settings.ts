import {parseGoBool} from '../aws-node-env.js'
import {type CniVersion, parseCniVersion} from '../cni-version.js'
import {parseImage, releaseOfTag} from '../diff/value-equivalence.js'
import {type IpamdConfig, MANIFEST_DEFAULTS} from '../ipamd/ipamd-config.js'
import {MODELLED_ENV} from '../ipamd/parse-ipamd-settings.js'
import type {DoctorAwsNode} from './cluster-objects.js'

/** The aws-node settings as ipamd on the nodes reads them, and the facts about the install the checks share. */
export interface AwsNodeSettings {
  /** From the aws-node image tag; null when the tag names no release. */
  cniVersion: CniVersion | null
  config: Omit<IpamdConfig, 'maxPods'>
  /** The aws-node container's literal env values; a `valueFrom` variable is only known on the node and absent here. */
  env: Record<string, string>
  /** `env` over ipamd's defaults: what ipamd reads for each variable it knows. */
  effectiveEnv: Record<string, string>
  ipv6: boolean
}

/**
 * ipamd's reading of its environment: an unset or unparsable integer falls back to the binary's default (strconv.Atoi
 * failing), a boolean is Go's ParseBool, and MAX_ENI unset is -1 (no limit). `defaults` is the embedded env table's.
 */
export function readAwsNodeSettings(awsNode: DoctorAwsNode, defaults: Record<string, null | string>): AwsNodeSettings {
  const container = awsNode.containers.find((c) => c.name === 'aws-node') ?? awsNode.containers[0]
  const env: Record<string, string> = {}
  for (const variable of container?.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value
  const valueOf = (name: string): string | undefined => env[name] ?? defaults[name] ?? undefined
  const int = (name: string, unset: number): number => {
    const text = valueOf(name)?.trim()
    return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : unset
  }

  const bool = (name: string): boolean => parseGoBool(valueOf(name) ?? '') ?? false
  const config = {} as Record<string, boolean | number>
  for (const [name, field] of Object.entries(MODELLED_ENV)) {
    config[field] = typeof MANIFEST_DEFAULTS[field] === 'boolean' ? bool(name) : int(name, field === 'maxEni' ? -1 : 0)
  }

  const defaultsSet = Object.fromEntries(Object.entries(defaults).filter((entry): entry is [string, string] => entry[1] !== null))
  return {
    cniVersion: versionOf(container?.image),
    config: config as unknown as Omit<IpamdConfig, 'maxPods'>,
    effectiveEnv: {...defaultsSet, ...env},
    env,
    ipv6: bool('ENABLE_IPv6'),
  }
}

function versionOf(image: string | undefined): CniVersion | null {
  if (!image) return null
  try {
    return parseCniVersion(releaseOfTag(parseImage(image).tag))
  } catch {
    return null
  }
}
