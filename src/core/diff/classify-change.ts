import {EKS_MANAGER, type Ownership, type OwnershipIndex} from '../managed-fields/ownership.js'
import type {RawChange} from './compute-changes.js'
import type {AddonStatus, Change} from './diff-report.js'
import type {EksIntent} from './eks-intent.js'

/** What the add-on's configurationValues say of a value: they set it, they do not, they cannot (no key), or unknown. */
export type ConfigurationAnswer = 'no-key' | 'not-set' | 'set' | 'unknown'

/** The value the add-on's configurationValues give a field's key: none, no such key, unknown (no add-on facts), or this. */
export type ConfiguredValue = {answer: 'absent' | 'no-key' | 'unknown'} | {answer: 'present'; value: unknown}

export interface ClassifyContext {
  addon: AddonStatus
  /** `DaemonSet.apps aws-node`: how EKS's conflict errors name the object. */
  conflictPrefix: string
  configuredValue(path: string, value: unknown): ConfiguredValue
  /** No version source in the object is eks's: the release EKS applied is not in the input. */
  eksReleaseUnknown?: boolean
  fromConfiguration(path: string, value: unknown, defaultValue: unknown): ConfigurationAnswer
  intent: EksIntent
  ownership: OwnershipIndex
  /** The release whose DaemonSet is the baseline. */
  release: string
  /** The running release, when the data has no DaemonSet of its own for it (newer, or a tag that named other images). */
  standIn?: string
}

/** The effect and why; `default` replaces the release value when EKS's own value is another (or not known). */
type Verdict = Partial<Pick<Change, 'default'>> & Pick<Change, 'effect' | 'reason'>

const NEXT_APPLY = "EKS's next apply of the add-on"
const INFERRED = 'ownership inferred: no managedFields'
const CONTESTED = 'EKS declares it and a user owns it: OVERWRITE puts EKS\'s value back, NONE fails with a conflict on it, PRESERVE keeps yours'

/** A value `eks` applied that the release does not ship: it came from configurationValues, unless they no longer set it. */
function eksApplied(change: RawChange, ctx: ClassifyContext): Verdict {
  const back = change.kind === 'added' ? 'removes it' : 'puts the release value back'
  const answer = ctx.fromConfiguration(change.text, change.current, change.default)
  // Against a stand-in baseline, what EKS applied may simply be how its own release differs: never call that drift.
  if (ctx.standIn && answer !== 'set') {
    return {effect: 'undetermined', reason: `applied by EKS; vpccni has no ${ctx.standIn} DaemonSet, so this may be that release's own value`}
  }

  switch (answer) {
    case 'set': {
      return {effect: 'configured', reason: 'applied by EKS from the add-on configurationValues: not drift'}
    }

    case 'not-set': {
      return {effect: 'restored', reason: `applied by EKS, but the add-on configurationValues no longer set it: ${NEXT_APPLY} ${back}`}
    }

    case 'no-key': {
      return {effect: 'restored', reason: `owned by EKS with a value no configurationValues key sets: ${NEXT_APPLY} ${back}`}
    }

    default: {
      return {
        effect: 'undetermined',
        reason: 'applied by EKS itself: from the add-on configurationValues (then it stays) unless they no longer set it ' +
          `(then ${NEXT_APPLY} ${back}); without the add-on's configurationValues (aws eks describe-addon) vpccni cannot tell which`,
      }
    }
  }
}

/**
 * Without managedFields: EKS intends every field its rendering of the release sets but the warm-pool variables. A
 * differing value there is a user's edit or a value EKS applied from configurationValues: only these can tell.
 */
function inferredVerdict(change: RawChange, ctx: ClassifyContext): Verdict {
  const declaration = ctx.intent.declaration(change.path)
  if (declaration === 'tuning') return {effect: 'preserved', reason: `a warm-pool variable EKS does not manage: kept (${INFERRED})`}
  if (declaration === 'undeclared') return {effect: 'preserved', reason: `EKS's ${ctx.release} rendering does not set it: kept (${INFERRED})`}
  const sets = `EKS's ${ctx.release} rendering sets it${ctx.intent.isDocumented(change.path) ? ' (and EKS documents it as managed)' : ''}`
  if (change.kind === 'removed') return {effect: 'restored', reason: `${sets}: ${NEXT_APPLY} puts it back, whatever the mode (${INFERRED})`}
  const answer = ctx.fromConfiguration(change.text, change.current, change.default)
  if (answer === 'set') return {effect: 'configured', reason: 'set by the add-on configurationValues: not drift'}
  // EKS renders some variables itself (ENABLE_IPv6 on an IPv6 cluster), schema key or not.
  if (answer === 'unknown' || (answer === 'no-key' && change.text.includes('.env['))) {
    return {
      effect: 'undetermined',
      reason: `${sets} with another value: a user's edit (then contested) or a value EKS applied itself, from the add-on ` +
        'configurationValues (then kept); without managedFields vpccni cannot tell which',
    }
  }

  const why = answer === 'no-key' ? 'no configurationValues key sets it, so a user edited it' : 'the configurationValues do not set it'
  return {effect: 'contested', reason: `${CONTESTED} (${why}; ${INFERRED})`}
}

/**
 * A user's manager holds a field at the release value (taken-fields.ts): EKS had applied another value there. Null when
 * EKS's next apply agrees with it (no configurationValues key, or they no longer set one).
 */
function takenVerdict(change: RawChange, ctx: ClassifyContext): null | Verdict {
  if (ctx.eksReleaseUnknown) {
    return {
      default: null,
      effect: 'contested',
      reason: 'a user\'s manager took it from eks, so EKS\'s value differs; the release EKS applied is not in the input ' +
        `(aws eks describe-addon): ${CONTESTED}`,
    }
  }

  const configured = ctx.configuredValue(change.text, change.current)
  if (configured.answer === 'unknown') {
    return {
      effect: 'undetermined',
      reason: 'a user set the release value over one eks applied itself (an edit takes a field only by changing it): contested ' +
        'if the add-on configurationValues still set EKS\'s value, else EKS\'s next apply agrees; without them (aws eks ' +
        'describe-addon) vpccni cannot tell which',
    }
  }

  if (configured.answer !== 'present') return null
  return {default: configured.value, effect: 'contested', reason: `the add-on configurationValues set another value: ${CONTESTED}`}
}

function ownedVerdict(change: RawChange, ctx: ClassifyContext, {managers, owner}: Ownership): null | Verdict {
  if (change.taken) return takenVerdict(change, ctx)
  const declaration = ctx.intent.declaration(change.path)
  const kept = declaration === 'tuning'
    ? {effect: 'preserved', reason: 'a warm-pool variable EKS does not manage: kept across its applies and updates'} as const
    : {effect: 'preserved', reason: `EKS's ${ctx.release} rendering does not set it: kept across its applies and updates`} as const
  if (change.kind === 'removed') {
    return declaration === 'declared' ? {effect: 'restored', reason: `nobody owns a removed field: ${NEXT_APPLY} puts it back, whatever the mode`} : kept
  }

  if (managers.includes(EKS_MANAGER)) return eksApplied(change, ctx)
  if (declaration !== 'declared') return kept
  if (owner !== 'user') {
    return {effect: 'restored', reason: `EKS declares it and no manager holds the value: ${NEXT_APPLY} sets the release value, whatever the mode`}
  }

  // EKS applies what its configurationValues say: when they say the user's value, its apply agrees and takes the field over.
  if (ctx.fromConfiguration(change.text, change.current, change.default) === 'set') {
    return {effect: 'configured', reason: 'the add-on configurationValues set the same value: EKS\'s next apply agrees with it, no conflict'}
  }

  return {effect: 'contested', reason: CONTESTED}
}

/**
 * Effect of one change, by mechanism. An edit (Update) moves a field's ownership to the editor, and a forced apply
 * takes it from EKS: so EKS's intent is what `eks` owns now plus what the release's DaemonSet declares.
 */
export function classifyChange(change: RawChange, ctx: ClassifyContext): Change | null {
  const inferred = ctx.ownership.source === 'inferred'
  const ownership: Ownership = inferred ? {managers: [], owner: 'unknown'} : ctx.ownership.ownerOf(change.path)
  const base = {current: change.current, default: change.default, kind: change.kind, ...ownership, path: change.text}
  const verdict: null | Verdict = ctx.addon === 'self-managed'
    ? (change.taken ? null : {effect: 'informational', reason: 'self-managed install: nothing reconciles it'})
    : inferred ? inferredVerdict(change, ctx) : ownedVerdict(change, ctx, ownership)
  if (!verdict) return null
  return {...base, ...verdict, conflict: verdict.effect === 'contested' ? `${ctx.conflictPrefix} - ${change.text}` : null}
}
