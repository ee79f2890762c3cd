/**
 * A field path as a list of segments, each rendered as EKS's conflict messages render it:
 * `.spec`, `[name="aws-node"]` (a list item by its key fields), `[="NET_ADMIN"]` (a set item by value), `[3]`.
 * Joined, they give `.spec.template.spec.containers[name="aws-node"].env[name="WARM_IP_TARGET"].value`.
 */
export type FieldPath = readonly string[]

export function fieldSegment(name: string): string {
  return `.${name}`
}

/** `[containerPort=61678,protocol="TCP"]`: key fields sorted by name, values as JSON. */
export function keySegment(keys: Record<string, unknown>): string {
  const parts = Object.keys(keys)
    .sort()
    .map((k) => `${k}=${JSON.stringify(keys[k])}`)
  return `[${parts.join(',')}]`
}

export function formatPath(path: FieldPath): string {
  return path.join('')
}

/** Parses a rendered path back into segments; only for paths without `.` or `]` inside map keys (our own patterns). */
export function parsePath(text: string): FieldPath {
  return text.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []
}

const segmentMatches = (pattern: string, segment: string) => pattern === segment || (pattern === '[*]' && segment.startsWith('['))

/** Whether `prefix` is `path` or one of its ancestors; a `[*]` segment in `prefix` matches any list item. */
export function isPathPrefix(prefix: FieldPath, path: FieldPath): boolean {
  if (prefix.length > path.length) return false
  return prefix.every((segment, i) => segmentMatches(segment, path[i]))
}

/** Whether one path lies on the other's way: the same field, an ancestor, or a descendant (`[*]` in `pattern`). */
export function isPathOverlap(pattern: FieldPath, path: FieldPath): boolean {
  const length = Math.min(pattern.length, path.length)
  return pattern.slice(0, length).every((segment, i) => segmentMatches(segment, path[i]))
}
