import {isRecord} from '../is-record.js'
import {type FieldPath, fieldSegment, keySegment} from './field-path.js'

/** The fields one manager owns: `leaves` are owned with everything below them, `items` only as list items or maps. */
export interface OwnedSet {
  items: FieldPath[]
  leaves: FieldPath[]
}


/** `f:name`, `k:{"name":"x"}`, `v:"NET_ADMIN"`, `i:3` → one path segment (Kubernetes FieldsV1 encoding). */
export function translateFieldsV1Key(key: string): string {
  const body = key.slice(2)
  switch (key.slice(0, 2)) {
    case 'f:': {
      return fieldSegment(body)
    }

    case 'i:': {
      return `[${body}]`
    }

    case 'k:': {
      const keys: unknown = JSON.parse(body)
      if (!isRecord(keys)) throw new SyntaxError(`list key ${key} is not a JSON object`)
      return keySegment(keys)
    }

    case 'v:': {
      return `[=${JSON.stringify(JSON.parse(body))}]`
    }

    default: {
      throw new SyntaxError(`unknown fieldsV1 key "${key}"`)
    }
  }
}

/**
 * Walks a fieldsV1 trie. A key mapping to `{}` is owned outright; `.` marks its parent as owned as an item
 * (its existence and identity), not everything inside it.
 */
export function parseFieldsV1(fieldsV1: unknown): OwnedSet {
  const owned: OwnedSet = {items: [], leaves: []}
  const walk = (node: Record<string, unknown>, path: FieldPath): void => {
    for (const [key, child] of Object.entries(node)) {
      if (key === '.') {
        owned.items.push(path)
        continue
      }

      const childPath = [...path, translateFieldsV1Key(key)]
      if (isRecord(child) && Object.keys(child).length > 0) walk(child, childPath)
      else owned.leaves.push(childPath)
    }
  }

  if (isRecord(fieldsV1)) walk(fieldsV1, [])
  return owned
}
