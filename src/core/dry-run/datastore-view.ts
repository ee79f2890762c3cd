import {isRecord} from '../is-record.js'

/** ipamd's own record of the node's addresses, from a file the user saved on the node. */
export interface DatastoreAddress {
  address: string
  assigned: boolean
  /** Null in a checkpoint, which does not say. */
  eniId: null | string
  /** `namespace/name` of the pod the address is assigned to, when the record names it. */
  pod: null | string
  /** Unix seconds when a pod last gave the address back; null when never or unknown. */
  unassignedAt: null | number
}

export interface DatastoreEni {
  efa: boolean
  excluded: boolean
  id: string
  trunk: boolean
}

export interface DatastoreView {
  addresses: DatastoreAddress[]
  /** Only `/v1/enis` lists ENIs. */
  enis: DatastoreEni[]
  file: string
  kind: 'checkpoint' | 'introspection'
}

/** A file's JSON object, or the error `bad` makes from why it is not one. */
export function parseJsonObject(text: string, bad: (why: string) => Error): Record<string, unknown> {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw bad('not JSON')
  }

  if (!isRecord(document)) throw bad('not a JSON object')
  return document
}
