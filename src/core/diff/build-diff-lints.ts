import {indexManagedFields, type ManagedFieldsEntry, type OwnershipIndex} from '../managed-fields/ownership.js'
import {findContainer} from './daemonset-parts.js'
import type {DiffInput, KubeObject, LintFinding} from './diff-report.js'
import {lintCombinations} from './lint-combinations.js'
import {lintEnv} from './lint-env.js'
import type {DiffReferenceData} from './reference-data.js'
import {detectRunningVersion, type RunningVersion} from './running-version.js'

const NO_MANAGED_FIELDS: OwnershipIndex = {managers: [], ownerOf: () => ({managers: [], owner: 'unmanaged'}), source: 'inferred'}

/** Who owns what in the DaemonSet, from its managedFields; without them, ownership is inferred. */
export function ownershipOf(ds: KubeObject): OwnershipIndex {
  const entries = ((ds.metadata ?? {}) as {managedFields?: ManagedFieldsEntry[]}).managedFields ?? []
  return entries.length > 0 ? indexManagedFields(entries) : NO_MANAGED_FIELDS
}

/** The lint of the settings the running release reads (aws-node and its init container), and of their combinations. */
export function lintSettings(input: DiffInput, version: RunningVersion, data: DiffReferenceData): LintFinding[] {
  const ds = input.daemonSet
  const awsNode = findContainer(ds, 'aws-node')
  return [
    ...lintEnv([awsNode, findContainer(ds, 'aws-vpc-cni-init', true)], version.running, data),
    ...lintCombinations({agent: findContainer(ds, 'aws-eks-nodeagent'), awsNode, configMap: input.configMap, eniConfigs: input.eniConfigs}),
  ]
}

/**
 * The diff report's lints and the running version alone, as buildDiffReport makes them (and refusing what it
 * refuses), without comparing the DaemonSet with its release: what doctor's settings and mode checks read, at a
 * fraction of the whole diff's cost (the baseline, every field's change and owner), which doctor pays per cluster.
 */
export function buildDiffLints(input: DiffInput, data: DiffReferenceData): {lint: LintFinding[]; running: string} {
  const version = detectRunningVersion(input.daemonSet, data.baselines, {addonVersion: input.addon?.version, ownership: ownershipOf(input.daemonSet)})
  return {lint: lintSettings(input, version, data), running: version.running}
}
