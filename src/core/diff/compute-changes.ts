import {type FieldPath} from '../managed-fields/field-path.js'
import {type FlatField, flattenObject, valueAtPath} from '../managed-fields/flatten-object.js'
import type {Baseline} from './build-baseline.js'
import {isCompared} from './compared-scope.js'
import type {KubeObject} from './diff-report.js'
import {isSameValue} from './value-equivalence.js'

/** A difference before ownership is known. Whole list items (an env entry, a container) count as one change. */
export interface RawChange {
  current: unknown
  default: unknown
  kind: 'added' | 'changed' | 'removed'
  path: FieldPath
  /** A user's manager holds the field at the release value: see taken-fields.ts. */
  taken?: boolean
  text: string
}

/** `[name="x"]`-style segments: list items by key (not `[="v"]` set items or `[3]` positions). */
const isItemSegment = (segment: string) => segment.startsWith('[') && !segment.startsWith('[=') && segment.includes('=')

function itemPaths(fields: Map<string, FlatField>): Map<string, FieldPath> {
  const items = new Map<string, FieldPath>()
  for (const {path} of fields.values()) {
    path.forEach((segment, i) => {
      if (isItemSegment(segment)) items.set(path.slice(0, i + 1).join(''), path.slice(0, i + 1))
    })
  }

  return items
}

/** Items on one side only, outermost first; an item inside another missing item is part of that one. */
function missingItems(from: Map<string, FieldPath>, other: Map<string, FieldPath>): FieldPath[] {
  const missing = [...from].filter(([key]) => !other.has(key)).map(([, path]) => path)
  return missing.filter((path) => !missing.some((outer) => outer.length < path.length && outer.every((s, i) => s === path[i])))
}

function flatCompared(object: KubeObject): Map<string, FlatField> {
  return new Map([...flattenObject(object)].filter(([key]) => isCompared(key)))
}

const isEmpty = (value: unknown) => value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)

/** Every compared difference between the live DaemonSet and the baseline, items first, then leaves, by path. */
export function computeRawChanges(live: KubeObject, baseline: Baseline): RawChange[] {
  const liveFlat = flatCompared(live)
  const baseFlat = flatCompared(baseline.object)
  const added = missingItems(itemPaths(liveFlat), itemPaths(baseFlat))
  const removed = missingItems(itemPaths(baseFlat), itemPaths(liveFlat))
  const changes: RawChange[] = [
    ...added.map((path) => ({current: valueAtPath(live, path), default: null, kind: 'added' as const, path, text: path.join('')})),
    ...removed.map((path) => ({current: null, default: valueAtPath(baseline.object, path), kind: 'removed' as const, path, text: path.join('')})),
  ]
  const insideItem = (key: string) => [...added, ...removed].some((item) => key.startsWith(item.join('')))
  const unknownValue = (key: string) => [...baseline.unknownValues].some((item) => key.startsWith(item))
  for (const [key, field] of liveFlat) {
    if (insideItem(key)) continue
    const base = baseFlat.get(key)
    if (!base) {
      if (!isEmpty(field.value)) changes.push({current: field.value, default: null, kind: 'added', path: field.path, text: key})
    } else if (!unknownValue(key) && !isSameValue(key, field.value, base.value)) {
      changes.push({current: field.value, default: base.value, kind: 'changed', path: field.path, text: key})
    }
  }

  // A default the input lacks is no change: a manifest file compares with its release as the cluster would store it.
  const declared = flattenObject(baseline.declared)
  for (const [key, base] of baseFlat) {
    if (!liveFlat.has(key) && !insideItem(key) && declared.has(key)) changes.push({current: null, default: base.value, kind: 'removed', path: base.path, text: key})
  }

  return changes.sort((a, b) => a.text.localeCompare(b.text))
}
