import {indexManagedFields, inferOwnership, type ManagedFieldsEntry, type OwnershipIndex, EKS_MANAGER} from '../managed-fields/ownership.js'
import {selectAddonSchema} from './addon-schema-keys.js'
import {buildBaseline} from './build-baseline.js'
import {buildRemedy} from './build-remedy.js'
import {classifyChange} from './classify-change.js'
import {computeRawChanges} from './compute-changes.js'
import {settingsForChange} from './configuration-keys.js'
import {findContainer} from './daemonset-parts.js'
import {type Change, type DiffInput, type DiffReport, EFFECT_ORDER} from './diff-report.js'
import {lintCombinations} from './lint-combinations.js'
import {lintEnv} from './lint-env.js'
import type {AddonSchemaKeys, DiffReferenceData} from './reference-data.js'
import {detectRunningVersion, type RunningVersion} from './running-version.js'
import {isSameValue} from './value-equivalence.js'

function addonStatus(input: DiffInput, ownership: OwnershipIndex): DiffReport['addon'] {
  if (input.addon) return {basis: input.addon.basis ?? 'EKS DescribeAddon', status: input.addon.managed ? 'managed' : 'self-managed'}
  if (ownership.source === 'inferred') return {basis: 'no managedFields: assumed to be the EKS managed add-on', status: 'unknown'}
  return ownership.managers.includes(EKS_MANAGER)
    ? {basis: 'managedFields name the eks field manager', status: 'managed'}
    : {basis: 'managedFields name no eks field manager', status: 'self-managed'}
}

/** Looks a setting up in the add-on's configurationValues: undefined when they are unknown. */
function configurationLookup(input: DiffInput, schema: AddonSchemaKeys, affinity: unknown) {
  const config = input.addon?.configurationValues
  return (path: string, value: unknown, defaultValue: unknown): boolean | undefined => {
    const result = settingsForChange(path, value, schema, {affinity, default: defaultValue})
    // Without a schema key (for all of it) EKS cannot have taken the value from configurationValues, known or not.
    if (!result.settings || result.reason) return false
    if (!config) return undefined
    return result.settings.every(({key, value: wanted}) => {
      const found = key.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], config)
      // Map key order differs between the configuration JSON and the object the API server serves (affinity).
      return isSameValue(key.join('.'), found, wanted)
    })
  }
}

/** The running add-on version's configuration schema, when EKS answered it. */
function givenSchema(input: DiffInput): undefined | {addonVersion: string; text: string} {
  const {configurationSchema, version} = input.addon ?? {}
  return configurationSchema && version ? {addonVersion: version, text: configurationSchema} : undefined
}

function collectWarnings(ownership: OwnershipIndex, version: RunningVersion, coverage: 'full' | 'partial', templateVersion: string): string[] {
  const warnings: string[] = []
  if (ownership.source === 'inferred') {
    warnings.push('no managedFields in the input: ownership is inferred from the documented EKS-managed fields ' +
      '(add --show-managed-fields to kubectl get)')
  }

  const release = version.release.version
  if (release !== version.running) {
    warnings.push(`${version.running} is not a release vpccni knows: compared with ${release}, with ${version.running} images ` +
      '(other images, such as the network policy agent\'s, are not compared)')
  }

  if (coverage === 'partial') {
    warnings.push(`for ${release} only images, pull policies, env, labels, service account and capabilities are compared; ` +
      `the rest from ${templateVersion.replace(/\.\d+$/, '.0')} on`)
  }

  return warnings
}

function summarize(changes: Change[]): DiffReport['summary'] {
  const summary = {conflict: 0, informational: 0, preserved: 0, reverted: 0}
  for (const change of changes) summary[change.effect]++
  return summary
}

/**
 * `vpccni diff`: the running aws-node DaemonSet against the upstream defaults of its release, every difference
 * with its owner and what EKS will do to it, plus a lint of the settings and the configurationValues that keep them.
 */
export function buildDiffReport(input: DiffInput, data: DiffReferenceData): DiffReport {
  const ds = input.daemonSet
  const metadata = (ds.metadata ?? {}) as {managedFields?: ManagedFieldsEntry[]; name?: string; namespace?: string}
  const version = detectRunningVersion(ds, data.releases, data.template.version)
  const baseline = buildBaseline(version.running, version.release, data)
  const entries = metadata.managedFields ?? []
  const documented = data.managedFields.filter((p) => p.basis === 'documented').map((p) => p.pattern)
  const ownership = entries.length > 0 ? indexManagedFields(entries) : inferOwnership(documented)
  const addon = addonStatus(input, ownership)
  const {schema, warning: schemaWarning} = selectAddonSchema(givenSchema(input), data.addonSchema)
  const affinity = (ds.spec as {template?: {spec?: {affinity?: unknown}}} | undefined)?.template?.spec?.affinity
  const ctx = {addon: addon.status, fromConfiguration: configurationLookup(input, schema, affinity), ownership, patterns: data.managedFields}
  const changes = computeRawChanges(ds, baseline)
    .map((raw) => classifyChange(raw, ctx))
    .sort((a, b) => EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect) || a.path.localeCompare(b.path))
  const awsNode = findContainer(ds, 'aws-node')
  const lint = [
    ...lintEnv([awsNode, findContainer(ds, 'aws-vpc-cni-init', true)], version.running, data),
    ...lintCombinations({agent: findContainer(ds, 'aws-eks-nodeagent'), awsNode, configMap: input.configMap, eniConfigs: input.eniConfigs}),
  ]
  const invalidValues = lint.filter((f) => f.id === 'env-type')
  return {
    addon,
    changes,
    cniVersion: {baseline: version.release.version, coverage: baseline.coverage, running: version.running, source: version.source},
    daemonSet: {name: metadata.name ?? 'aws-node', namespace: metadata.namespace ?? 'kube-system'},
    lint,
    ownership: {managers: ownership.managers, source: ownership.source},
    remedy: addon.status === 'self-managed' ? null : buildRemedy(changes, {
      affinity, clusterName: input.addon?.clusterName, existing: input.addon?.configurationValues, invalid: invalidValues, schema,
      schemaSource: schema === data.addonSchema ? 'embedded' : 'cluster',
    }),
    schemaVersion: 1,
    summary: summarize(changes),
    warnings: [...collectWarnings(ownership, version, baseline.coverage, data.template.version), ...(schemaWarning ? [schemaWarning] : [])],
  }
}
