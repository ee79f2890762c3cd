/** Slots of each table: enough that a string seen on every node's pods stays in its slot between them mostly. */
const SLOTS = 1 << 16

/** Objects of more fields (labels, tags, annotations) are seldom equal across items: not worth their JSON text. */
const MAX_SHARED_FIELDS = 4

/** A value whose JSON text says all of it: two of them with the same text are the same value. */
const isPlain = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))

function slotOf(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0
  return hash & (SLOTS - 1)
}

/**
 * The summaries of one list, made compact as each is kept: a string equal to one kept before becomes that one, and so
 * does a small object of plain values (an env entry, an image map), while every array is copied to its exact length (a
 * filtered array keeps room for 16 items). 100,000 pods name 5,000 nodes, a few namespaces and 5,000 times the same
 * aws-node env: their list holds half as much. The tables are fixed (a slot per hash, taken by the last value that
 * came to it), so a list of unique names costs no more, only shares less. Summaries are plain JSON that nothing changes
 * once read, so sharing equal parts is safe.
 */
export function createCompactor(): <T>(summary: T) => T {
  const strings: Array<string | undefined> = new Array(SLOTS)
  const texts: Array<string | undefined> = new Array(SLOTS)
  const objects: object[] = new Array(SLOTS)
  const shared = (value: string): string => {
    const slot = slotOf(value)
    const known = strings[slot]
    if (known === value) return known
    strings[slot] = value
    return value
  }

  const compact = (value: unknown): unknown => {
    if (typeof value === 'string') return shared(value)
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map(compact)
    // Frozen by its maker (a pod's labels, shared by set): already shared, and not to be changed.
    if (Object.isFrozen(value)) return value
    const object = value as Record<string, unknown>
    const keys = Object.keys(object)
    let plain = keys.length <= MAX_SHARED_FIELDS
    for (const key of keys) {
      object[key] = compact(object[key])
      plain &&= isPlain(object[key])
    }

    if (!plain) return object
    const text = JSON.stringify(object)
    const slot = slotOf(text)
    if (texts[slot] === text) return objects[slot]
    texts[slot] = text
    objects[slot] = object
    return object
  }

  return <T>(summary: T) => compact(summary) as T
}
