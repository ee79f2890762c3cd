import {type FieldPath, isPathOverlap, isPathPrefix, parsePath} from '../managed-fields/field-path.js'
import type {OwnershipIndex} from '../managed-fields/ownership.js'
import type {RawChange} from './compute-changes.js'
import type {AddonStatus, Change} from './diff-report.js'
import type {ManagedFieldPattern} from './reference-data.js'

export interface ClassifyContext {
  addon: AddonStatus
  /**
   * Whether the add-on's configurationValues set this path to this value: undefined when they are unknown (from a
   * file), false when known and not, or when the schema has no key for the path.
   */
  fromConfiguration(path: string, value: unknown, defaultValue: unknown): boolean | undefined
  ownership: OwnershipIndex
  patterns: ManagedFieldPattern[]
}

type Verdict = Pick<Change, 'effect' | 'reason'>

function managedPattern(change: RawChange, patterns: ManagedFieldPattern[]): ManagedFieldPattern | undefined {
  // EKS manages only its own items of partially managed lists: an added volume or mount is yours to keep. (With
  // managedFields, any added key EKS does not own is kept: see classifyChange.)
  if (change.kind === 'added' && change.path.at(-1)?.startsWith('[')) return undefined
  // A removed item (a container, an env entry) takes EKS-managed fields with it: EKS applies them again.
  const matches = change.kind === 'removed' ? isPathOverlap : isPathPrefix
  return patterns.find((p) => matches(parsePath(p.pattern), change.path))
}

function eksOwned(change: RawChange, ctx: ClassifyContext): Verdict {
  if (change.kind === 'added') return {effect: 'preserved', reason: 'added by EKS itself'}
  const configured = ctx.fromConfiguration(change.text, change.current, change.default)
  if (configured !== false) {
    return {effect: 'preserved', reason: configured ? 'set by the add-on configurationValues' : 'applied by EKS, so it comes from configurationValues'}
  }

  return {effect: 'reverted', reason: 'owned by EKS with a value EKS would not apply'}
}

function inferredVerdict(pattern: ManagedFieldPattern | undefined): Verdict {
  if (pattern?.basis === 'documented') return {effect: 'reverted', reason: 'in the documented EKS-managed set (ownership inferred)'}
  if (pattern) return {effect: 'conflict', reason: `updates have failed over this field (ownership inferred; ${pattern.source})`}
  return {effect: 'preserved', reason: 'outside the documented EKS-managed set (ownership inferred)'}
}

/**
 * Effect of one change. An edit through kubectl moves the field's ownership to kubectl, so managedFields alone
 * would call a hand-edited image "user-owned": the documented EKS set says EKS takes it back all the same.
 */
export function classifyChange(change: RawChange, ctx: ClassifyContext): Change {
  const pattern = managedPattern(change, ctx.patterns)
  const inferred = ctx.ownership.source === 'inferred'
  const {managers, owner} = inferred
    ? {managers: [], owner: pattern?.basis === 'documented' ? ('eks' as const) : ('unmanaged' as const)}
    : ctx.ownership.ownerOf(change.path as FieldPath)
  const base = {path: change.text, kind: change.kind, current: change.current, default: change.default, owner, managers}
  if (ctx.addon === 'self-managed') return {...base, effect: 'informational', reason: 'self-managed install: nothing reconciles it'}
  if (inferred) return {...base, ...inferredVerdict(pattern)}
  if (owner === 'shared') {
    return {...base, effect: 'conflict', reason: 'owned by EKS and another manager: update-addon fails unless --resolve-conflicts OVERWRITE or PRESERVE'}
  }

  if (owner === 'eks') return {...base, ...eksOwned(change, ctx)}
  // A key added next to EKS's own in a partially managed map: EKS applies only the keys it owns, so it stays.
  if (change.kind === 'added') return {...base, effect: 'preserved', reason: 'added beside the fields EKS owns: kept across reconciles and updates'}
  if (pattern?.basis === 'documented') return {...base, effect: 'reverted', reason: 'EKS manages this field: reverted within 15 minutes'}
  if (pattern) return {...base, effect: 'conflict', reason: `EKS applies this field; updates have failed over it (${pattern.source})`}
  return {...base, effect: 'preserved', reason: 'not managed by EKS: kept across reconciles and updates'}
}
