import {parseCniVersion} from '../cni-version.js'
import {describeHorizonPlace, placeOnHorizon} from '../release-horizon.js'
import {type OwnershipIndex, EKS_MANAGER} from '../managed-fields/ownership.js'
import {selectAddonSchema} from './addon-schema-keys.js'
import {buildBaseline} from './build-baseline.js'
import {lintSettings, ownershipOf} from './build-diff-lints.js'
import {buildRemedy} from './build-remedy.js'
import {classifyChange} from './classify-change.js'
import {computeRawChanges} from './compute-changes.js'
import {configurationLookup} from './configuration-lookup.js'
import {type Change, type DiffInput, type DiffReport, EFFECT_ORDER, PROBLEM_EFFECTS} from './diff-report.js'
import {eksIntent} from './eks-intent.js'
import type {DiffReferenceData} from './reference-data.js'
import {detectRunningVersion, type RunningVersion} from './running-version.js'
import {takenAtReleaseValue} from './taken-fields.js'

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** Managed or not: EKS's answer, else the managedFields; kubectl's last-applied annotation without `eks` means kubectl apply installed it. */
function addonStatus(input: DiffInput, ownership: OwnershipIndex): DiffReport['addon'] {
  if (input.addon) return {basis: input.addon.basis ?? 'EKS DescribeAddon', status: input.addon.managed ? 'managed' : 'self-managed'}
  const annotations = (input.daemonSet.metadata as {annotations?: Record<string, unknown>} | undefined)?.annotations ?? {}
  const kubectlApplied = LAST_APPLIED in annotations
  if (ownership.source === 'inferred') {
    return kubectlApplied
      ? {basis: `no managedFields, and the ${LAST_APPLIED} annotation: a sign of a self-managed install (kubectl apply)`, status: 'self-managed'}
      : {basis: 'no managedFields: assumed to be the EKS managed add-on', status: 'unknown'}
  }

  if (ownership.managers.includes(EKS_MANAGER)) return {basis: 'managedFields name the eks field manager', status: 'managed'}
  const applied = kubectlApplied ? `, and the ${LAST_APPLIED} annotation says kubectl apply installed it` : ''
  return {basis: `managedFields name no eks field manager${applied}`, status: 'self-managed'}
}

/** The running add-on version's configuration schema, when EKS answered it. */
function givenSchema(input: DiffInput): undefined | {addonVersion: string; text: string} {
  const {configurationSchema, version} = input.addon ?? {}
  return configurationSchema && version ? {addonVersion: version, text: configurationSchema} : undefined
}

function collectWarnings(ownership: OwnershipIndex, version: RunningVersion, releases: string[], place: {addon: DiffReport['addon']; namespace: string}): string[] {
  const warnings: string[] = []
  if (place.namespace !== 'kube-system') {
    warnings.push(`aws-node is in namespace ${place.namespace}, not kube-system, where the EKS add-on and the CNI manifests put it: compared all the same`)
  }

  if (ownership.source === 'inferred' && place.addon.status === 'self-managed' && !place.addon.basis.startsWith('--')) {
    warnings.push('treated as self-managed (every change informational): if it is the EKS add-on, give the DaemonSet with managedFields ' +
      '(kubectl get --show-managed-fields) or run vpccni diff on the cluster')
  }

  warnings.push(...version.notes)
  if (ownership.source === 'inferred') {
    warnings.push('no managedFields in the input: ownership is inferred: EKS intends every field its rendering of the ' +
      'release sets but the warm-pool variables (add --show-managed-fields to kubectl get)')
  }

  if (version.release !== version.running) {
    // One release horizon: a version past the newest tag reads as it does in compat and upgrade-plan.
    const running = parseCniVersion(version.running)
    const place = placeOnHorizon(running, releases)
    const where = place.kind === 'untagged' ? `${version.running} is a release vpccni has no DaemonSet for` : describeHorizonPlace(running, place)
    warnings.push(`${where}: compared with the ${version.release} DaemonSet in ${version.running} images ` +
      '(other images, such as the network policy agent\'s, are not compared)')
  }

  return warnings
}

function summarize(changes: Change[]): DiffReport['summary'] {
  const summary = Object.fromEntries(EFFECT_ORDER.map((e) => [e, 0])) as DiffReport['summary']
  for (const change of changes) summary[change.effect]++
  return summary
}

/** Whether a report is a problem (exit 1): EKS's next apply would contest or restore a change, or a setting is an error. */
export function diffFindsProblem(report: DiffReport): boolean {
  return report.changes.some((c) => PROBLEM_EFFECTS.includes(c.effect)) || report.lint.some((f) => f.severity === 'error')
}

/**
 * `vpccni diff`: the running aws-node DaemonSet against its release's DaemonSet, every difference with its owner and
 * what EKS's next apply does to it, plus a lint of the settings and the configurationValues that keep them. Pure:
 * the DaemonSet (with managedFields when the input has them), ConfigMap, ENIConfigs and add-on facts come in `input`.
 */
export function buildDiffReport(input: DiffInput, data: DiffReferenceData): DiffReport {
  const ds = input.daemonSet
  const metadata = (ds.metadata ?? {}) as {name?: string; namespace?: string}
  const ownership = ownershipOf(ds)
  const version = detectRunningVersion(ds, data.baselines, {addonVersion: input.addon?.version, ownership})
  const baseline = buildBaseline(version, data)
  const addon = addonStatus(input, ownership)
  const {schema, warning: schemaWarning} = selectAddonSchema(givenSchema(input), data.addonSchema)
  const affinity = (ds.spec as {template?: {spec?: {affinity?: unknown}}} | undefined)?.template?.spec?.affinity
  const name = metadata.name ?? 'aws-node'
  const namespace = metadata.namespace ?? 'kube-system'
  const intent = eksIntent(baseline.declared, data)
  const ctx = {
    ...configurationLookup(input.addon?.configurationValues, schema, affinity),
    addon: addon.status, conflictPrefix: `DaemonSet.apps ${name}`, eksReleaseUnknown: version.eksReleaseUnknown,
    intent, ownership, release: version.release, standIn: version.release === version.running ? undefined : version.running,
  }
  const raw = computeRawChanges(ds, baseline)
  const changes = [...raw, ...takenAtReleaseValue(ds, baseline, raw, ownership, intent)]
    .flatMap((change) => classifyChange(change, ctx) ?? [])
    .sort((a, b) => EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect) || a.path.localeCompare(b.path))
  const lint = lintSettings(input, version, data)
  const invalidValues = lint.filter((f) => f.id === 'env-type')
  return {
    addon,
    changes,
    cniVersion: {baseline: version.release, running: version.running, source: version.source},
    daemonSet: {name, namespace},
    lint,
    ownership: {managers: ownership.managers, source: ownership.source},
    remedy: addon.status === 'self-managed' ? null : buildRemedy(changes, {
      affinity, clusterName: input.clusterName, existing: input.addon?.configurationValues, invalid: invalidValues, schema,
      schemaSource: schema === data.addonSchema ? 'embedded' : 'cluster',
    }),
    schemaVersion: 1,
    summary: summarize(changes),
    warnings: [...collectWarnings(ownership, version, [...data.baselines.keys()], {addon, namespace}), ...(schemaWarning ? [schemaWarning] : [])],
  }
}
