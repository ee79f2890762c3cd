import {type Setting, settingsForChange} from './configuration-keys.js'
import type {Change, LintFinding, Remedy} from './diff-report.js'
import type {AddonSchemaKeys} from './reference-data.js'

function setNested(target: Record<string, unknown>, {key, value}: Setting): void {
  let node = target
  for (const part of key.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {}
    node = node[part] as Record<string, unknown>
  }

  node[key.at(-1)!] = value
}

/** Single-quoted for a POSIX shell: JSON never needs more than escaping single quotes. */
const shellQuote = (text: string) => `'${text.replaceAll("'", String.raw`'\''`)}'`

/** EKS cluster names are letters, digits, - and _: such a name needs no quotes; any other (a hand-edited snapshot's) gets them. */
const clusterArgument = (name: string | undefined): string => (name === undefined ? 'CLUSTER' : /^[0-9A-Za-z][\w-]*$/.test(name) ? name : shellQuote(name))

export interface RemedyContext {
  /** The live pod's affinity, which the schema's `affinity` key replaces whole. */
  affinity?: unknown
  /** The EKS cluster's name; unknown, the command says CLUSTER for the user to fill in. */
  clusterName?: string
  /** The add-on's current configurationValues, when known. */
  existing?: Record<string, unknown>
  /** Lint findings of values the schema would refuse. */
  invalid: LintFinding[]
  schema: AddonSchemaKeys
  schemaSource: Remedy['schemaSource']
}

/** Changes a user made and can keep; what EKS restores cannot be kept away. */
const USER_EFFECTS = new Set(['contested', 'preserved'])

/**
 * The configurationValues that make every contested or preserved change permanent (those the schema accepts:
 * env, resources, probe timeouts, tolerations, affinity, some agent flags); the others are named with the reason. update-addon replaces
 * the whole configuration, so the add-on's current configurationValues (when known) are the starting point.
 */
export function buildRemedy(changes: Change[], {affinity, clusterName, existing, invalid, schema, schemaSource}: RemedyContext): null | Remedy {
  if (!changes.some((c) => USER_EFFECTS.has(c.effect))) return null
  // update-addon replaces the whole configuration: values EKS applied itself that may be configurationValues the input
  // does not have (undetermined) go in too, or the command would turn them off; the remedy names them.
  const relevant = changes.filter((c) => USER_EFFECTS.has(c.effect) || c.effect === 'undetermined')
  const configurationValues = structuredClone(existing ?? {})
  const notSettable: Remedy['notSettable'] = []
  const undeterminedCarried: string[] = []
  let settable = 0
  for (const change of relevant) {
    // The schema validates values too: a value ipamd cannot parse would fail update-addon as a whole.
    const bad = invalid.find((f) => f.path && change.path.startsWith(f.path))
    if (bad) {
      notSettable.push({path: change.path, reason: `fix the value first: ${bad.message}`})
      continue
    }

    const result = settingsForChange(change.path, change.current, schema, {affinity, default: change.default})
    if (change.effect === 'undetermined') {
      if (result.settings) undeterminedCarried.push(change.path)
      else continue
    }

    for (const setting of result.settings ?? []) setNested(configurationValues, setting)
    settable += result.settings?.length ?? 0
    // The command below resolves conflicts with OVERWRITE: a contested value it cannot carry goes back to EKS's.
    const overwritten = change.effect === 'contested' && !result.settings ? '; update-addon with OVERWRITE puts EKS\'s value back, only PRESERVE keeps it' : ''
    if (result.reason) notSettable.push({path: change.path, reason: `${result.reason}${overwritten}`})
  }

  const values = shellQuote(JSON.stringify(configurationValues))
  // OVERWRITE: the configuration now carries the user's values, so EKS may take the fields over.
  return {
    command: settable > 0 ? `aws eks update-addon --cluster-name ${clusterArgument(clusterName)} --addon-name vpc-cni --configuration-values ${values} --resolve-conflicts OVERWRITE` : null,
    configurationValues,
    currentConfiguration: existing ? 'read' : 'unknown',
    notSettable,
    schemaSource,
    schemaVersion: schema.addonVersion,
    undeterminedCarried,
  }
}
