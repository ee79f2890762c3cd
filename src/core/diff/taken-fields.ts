import {flattenObject} from '../managed-fields/flatten-object.js'
import type {OwnershipIndex} from '../managed-fields/ownership.js'
import type {Baseline} from './build-baseline.js'
import {isCompared} from './compared-scope.js'
import type {RawChange} from './compute-changes.js'
import type {KubeObject} from './diff-report.js'
import type {EksIntent} from './eks-intent.js'
import {isSameValue} from './value-equivalence.js'

const isWithin = (key: string, item: string) => key === item || key.startsWith(`${item}.`) || key.startsWith(`${item}[`)

/**
 * Fields a user's manager took from `eks` although their value is the release's. An Update takes a field only by
 * changing it, so EKS had applied another value there: one of its configurationValues, or (when no version source
 * is eks's) another release's. The value alone shows no difference; the ownership does.
 */
export function takenAtReleaseValue(live: KubeObject, baseline: Baseline, changes: RawChange[], ownership: OwnershipIndex, intent: EksIntent): RawChange[] {
  if (ownership.source === 'inferred') return []
  const base = flattenObject(baseline.object)
  const taken: RawChange[] = []
  for (const [key, field] of flattenObject(live)) {
    if (!isCompared(key) || changes.some((c) => isWithin(key, c.text))) continue
    const shipped = base.get(key)
    if (!shipped || !isSameValue(key, field.value, shipped.value)) continue
    if (intent.declaration(field.path) !== 'declared' || ownership.ownerOf(field.path).owner !== 'user') continue
    taken.push({current: field.value, default: shipped.value, kind: 'changed', path: field.path, taken: true, text: key})
  }

  return taken
}
