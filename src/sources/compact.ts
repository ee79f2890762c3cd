/** Slots of each table at most: enough that a string seen on every node's pods stays in its slot between them mostly. */
const MAX_SLOTS = 1 << 16

/**
 * Slots at first. A table grows (×4, entries moved) as values come, so a small list (a lab cluster's, most lists of a
 * fleet's clusters) does not pay for tables of MAX_SLOTS: three of those took 1.4 ms to allocate, per list.
 */
const FIRST_SLOTS = 1 << 8

/** Objects of more fields (labels, tags, annotations) are seldom equal across items: not worth their JSON text. */
const MAX_SHARED_FIELDS = 4

/** A value whose JSON text says all of it: two of them with the same text are the same value. */
const isPlain = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))

function hashOf(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0
  return hash
}

/** A table of one value per slot, taken by the last key hashed to it, that grows with the keys put in it. */
class SlotTable<V> {
  private keys: Array<string | undefined> = new Array(FIRST_SLOTS)
  private values: Array<V | undefined> = new Array(FIRST_SLOTS)
  private puts = 0

  /** The value kept under KEY, else VALUE, now kept under it. */
  shared(key: string, value: V): V {
    const slot = hashOf(key) & (this.keys.length - 1)
    if (this.keys[slot] === key) return this.values[slot]!
    this.keys[slot] = key
    this.values[slot] = value
    if (++this.puts > this.keys.length && this.keys.length < MAX_SLOTS) this.grow()
    return value
  }

  private grow(): void {
    const [keys, values] = [this.keys, this.values]
    this.keys = new Array(keys.length * 4)
    this.values = new Array(keys.length * 4)
    this.puts = 0
    for (const [i, key] of keys.entries()) if (key !== undefined) this.shared(key, values[i]!)
  }
}

/**
 * The summaries of one list, made compact as each is kept: a string equal to one kept before becomes that one, and so
 * does a small object of plain values (an env entry, an image map), while every array is copied to its exact length (a
 * filtered array keeps room for 16 items). 100,000 pods name 5,000 nodes, a few namespaces and 5,000 times the same
 * aws-node env: their list holds half as much. The tables are lossy (a slot per hash, taken by the last value that
 * came to it) and bounded, so a list of unique names costs no more, only shares less. Summaries are plain JSON that
 * nothing changes once read, so sharing equal parts is safe.
 */
export function createCompactor(): <T>(summary: T) => T {
  const strings = new SlotTable<string>()
  const objects = new SlotTable<object>()
  const compact = (value: unknown): unknown => {
    if (typeof value === 'string') return strings.shared(value, value)
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

    return plain ? objects.shared(JSON.stringify(object), object) : object
  }

  return <T>(summary: T) => compact(summary) as T
}
