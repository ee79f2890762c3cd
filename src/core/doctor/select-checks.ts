import {UserError} from '../../errors.js'
import {suggestNearest} from '../suggest-nearest.js'
import {type Severity, SEVERITIES} from './check.js'

/** What the user asked to run: `--only`, `--skip` and `--severity ID=LEVEL`, already checked against the registry. */
export interface CheckSelection {
  only: string[]
  severity: Record<string, Severity>
  skip: string[]
}

/** `CNI001,cni003` (or repeated flags) → known IDs; an unknown one is bad input with the nearest IDs. */
export function parseCheckIds(flag: string, values: string[], known: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(',')).map((id) => id.trim().toUpperCase()).filter(Boolean)
  // `--only "$CHECKS"` with CHECKS unset would otherwise select every check: the script's selection lost without a word.
  if (values.length > 0 && ids.length === 0) throw new UserError(`${flag} names no check ID`, {hint: `e.g. ${flag} ${known[0]}`})
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new UserError(`${flag}: unknown check ID "${id}"`, {
        hint: nearestHint(id, known),
        suggestions: suggestNearest(id, known),
      })
    }
  }

  return [...new Set(ids)]
}

/** `CNI004=error` → {CNI004: 'error'}; LEVEL is error, warning or info. */
export function parseSeverityOverrides(values: string[], known: readonly string[]): Record<string, Severity> {
  const overrides: Record<string, Severity> = {}
  for (const value of values.flatMap((v) => v.split(','))) {
    const [rawId, rawLevel, ...rest] = value.split('=')
    const level = rawLevel?.trim().toLowerCase()
    if (!rawId?.trim() || level === undefined || rest.length > 0) {
      throw new UserError(`--severity expects ID=LEVEL, got "${value}"`, {hint: 'e.g. --severity CNI004=error'})
    }

    if (!SEVERITIES.includes(level as Severity)) {
      throw new UserError(`--severity ${value}: LEVEL must be one of ${SEVERITIES.join(', ')}`, {suggestions: suggestNearest(level, SEVERITIES)})
    }

    const [id] = parseCheckIds('--severity', [rawId], known)
    overrides[id] = level as Severity
  }

  return overrides
}

function nearestHint(id: string, known: readonly string[]): string | undefined {
  const near = suggestNearest(id, known)
  return near.length > 0 ? `did you mean ${near.join(', ')}?` : `known checks: ${known.join(', ')}`
}

/** `--only CNI001 --skip CNI001` leaves nothing to run: bad input, not a clean report. */
export function assertChecksLeft(selection: CheckSelection, known: readonly string[]): void {
  const left = known.filter((id) => (selection.only.length === 0 || selection.only.includes(id)) && !selection.skip.includes(id))
  if (left.length === 0) throw new UserError('--only and --skip leave no check to run', {hint: 'drop an ID from --skip, or add one to --only'})
  // Re-grading a check that will not run would be dropped without a word.
  const idle = Object.keys(selection.severity).filter((id) => !left.includes(id))
  if (idle.length > 0) throw new UserError(`--severity ${idle.join(', ')}: not among the checks --only and --skip leave to run`)
}
