import type {JsonObject} from './types.js'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN = new Set([0x7b, 0x5b])
const CLOSE = new Set([0x7d, 0x5d])
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
const ITEMS_KEY = Buffer.from('"items"')

/** One page of a list: its items' summaries and the token of the next page, if any. */
export interface ListPage<T> {
  continue: string | undefined
  items: T[]
}

/**
 * One page of a Kubernetes list, read from its JSON bytes item by item: each item is parsed and summarised on its own
 * and dropped, so neither the page's 1.5 MB of text nor its 500 raw pods are ever held whole (they outlived young
 * collections and were most of what doctor's heap grew by). The rest of the page (metadata.continue) is parsed with
 * its items cut out. A page whose items are not an array of objects is parsed whole.
 */
export function readListPage<T>(json: Buffer, summarise: (item: JsonObject) => T): ListPage<T> {
  const found = findItems(json)
  const envelope = JSON.parse(
    found ? Buffer.concat([json.subarray(0, found.open + 1), json.subarray(found.close)]).toString('utf8') : json.toString('utf8'),
  ) as JsonObject
  const next = (envelope.metadata as undefined | {continue?: string})?.continue || undefined
  if (!found) return {continue: next, items: ((envelope.items ?? []) as JsonObject[]).map((item) => summarise(item))}
  const items: T[] = []
  for (let i = 0; i < found.items.length; i += 2) items.push(summarise(JSON.parse(json.toString('utf8', found.items[i], found.items[i + 1])) as JsonObject))
  return {continue: next, items}
}

/** Where the top-level `items` array opens and closes, and each of its objects' start and end; undefined when not so. */
function findItems(json: Buffer): undefined | {close: number; items: number[]; open: number} {
  let depth = 0
  let lastString = -1
  let open = -1
  const items: number[] = []
  for (let i = 0; i < json.length; i++) {
    const byte = json[i]
    if (open >= 0 && depth === 2) {
      // Between the items: only objects, commas and white space.
      if (byte === 0x7b) {
        items.push(i)
        depth++
      } else if (byte === 0x5d) {
        return {close: i, items, open}
      } else if (byte !== COMMA && !SPACE.has(byte)) {
        return undefined
      }
    } else if (byte === QUOTE) {
      // At depth 1 the string before an array is that array's key.
      if (depth === 1) lastString = i
      i = stringEnd(json, i)
      if (i < 0) return undefined
    } else if (OPEN.has(byte)) {
      depth++
      if (depth === 2 && open < 0 && byte === 0x5b && isItemsKey(json, lastString)) open = i
    } else if (CLOSE.has(byte)) {
      depth--
      if (open >= 0 && depth === 2) items.push(i + 1)
    }
  }

  return undefined
}

/** The index of the quote that closes the string opening at `start` (a quote after an odd run of backslashes is escaped). */
function stringEnd(json: Buffer, start: number): number {
  let end = json.indexOf(QUOTE, start + 1)
  while (end > 0) {
    let backslashes = 0
    while (json[end - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return end
    end = json.indexOf(QUOTE, end + 1)
  }

  return -1
}

const isItemsKey = (json: Buffer, at: number): boolean => at >= 0 && json.subarray(at, at + ITEMS_KEY.length).equals(ITEMS_KEY)
