import {objectAt} from './json-fields.js'

/** Labels as the pod summaries hold them: one frozen object per distinct set. */
export type LabelInterner = (labels: unknown) => Readonly<Record<string, string>>

const byKey = ([a]: [string, string], [b]: [string, string]): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A new interner for one listing: pods with the same labels (every pod of a ReplicaSet) get the same frozen object, so
 * 100,000 pods hold a few thousand label sets, not 100,000 copies. It lives as long as the listing that uses it.
 */
export function labelInterner(): LabelInterner {
  const known = new Map<string, Readonly<Record<string, string>>>()
  return (value) => {
    const entries = Object.entries(objectAt(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string').sort(byKey)
    const key = JSON.stringify(entries)
    let labels = known.get(key)
    if (!labels) {
      labels = Object.freeze(Object.fromEntries(entries))
      known.set(key, labels)
    }

    return labels
  }
}
