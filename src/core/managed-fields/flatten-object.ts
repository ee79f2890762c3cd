import {isRecord} from '../is-record.js'
import {type FieldPath, fieldSegment, keySegment} from './field-path.js'

/** List fields that server-side apply merges by key (PodSpec patch merge keys); every other list is atomic. */
const LIST_KEYS: Record<string, string[]> = {
  containers: ['name'],
  env: ['name'],
  ephemeralContainers: ['name'],
  imagePullSecrets: ['name'],
  initContainers: ['name'],
  ports: ['containerPort', 'protocol'],
  volumeDevices: ['devicePath'],
  volumeMounts: ['mountPath'],
  volumes: ['name'],
}

export interface FlatField {
  path: FieldPath
  value: unknown
}


function itemKeys(field: string, item: Record<string, unknown>): Record<string, unknown> {
  const keys: Record<string, unknown> = {}
  // The API server defaults a port's protocol to TCP, and the key in managedFields carries it.
  for (const k of LIST_KEYS[field]) keys[k] = item[k] ?? (k === 'protocol' ? 'TCP' : null)
  return keys
}

/** The value at a path of an object (as `flattenObject` names paths), or undefined. */
export function valueAtPath(value: unknown, path: FieldPath): unknown {
  let node = value
  let field: string | undefined
  for (const segment of path) {
    if (segment.startsWith('.') && isRecord(node)) {
      field = segment.slice(1)
      node = node[field]
    } else if (Array.isArray(node) && field && LIST_KEYS[field]) {
      const list = field
      node = node.find((item) => isRecord(item) && keySegment(itemKeys(list, item)) === segment)
    } else {
      return undefined
    }
  }

  return node
}

/**
 * Every leaf of an object, keyed by its path string: scalars, empty maps and atomic lists are leaves;
 * keyed lists become one entry per item (`containers[name="aws-node"]`), so items match across orderings.
 */
export function flattenObject(value: unknown, path: FieldPath = []): Map<string, FlatField> {
  const out = new Map<string, FlatField>()
  const visit = (node: unknown, at: FieldPath, field: string | undefined): void => {
    if (Array.isArray(node) && field && LIST_KEYS[field] && node.every((item) => isRecord(item))) {
      for (const item of node) visit(item, [...at, keySegment(itemKeys(field, item))], undefined)
      return
    }

    if (isRecord(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) visit(child, [...at, fieldSegment(key)], key)
      return
    }

    out.set(at.join(''), {path: at, value: node})
  }

  visit(value, path, undefined)
  return out
}
