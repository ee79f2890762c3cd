type Json = {[key: string]: unknown}

/** Merge keys of the associative lists in a DaemonSet or Pod (the `x-kubernetes-list-map-keys` of the OpenAPI schema). */
const LIST_KEYS: Record<string, string[]> = {
  conditions: ['type'],
  containers: ['name'],
  env: ['name'],
  hostIPs: ['ip'],
  initContainers: ['name'],
  ownerReferences: ['uid'],
  podIPs: ['ip'],
  ports: ['containerPort', 'protocol'],
  volumeMounts: ['mountPath'],
  volumes: ['name'],
}

/**
 * The `fieldsV1` set a server-side apply of `value` records: `f:name` for fields, `k:{...}` for items of keyed lists
 * (with `.: {}` for the item itself), and `{}` for leaves and atomic lists (args, command, tolerations).
 */
export function fieldsV1Of(value: unknown): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const set: Json = {}
  for (const [field, child] of Object.entries(value as Json)) {
    const keys = LIST_KEYS[field]
    if (Array.isArray(child) && keys) {
      const items: Json = {}
      for (const item of child as Json[]) {
        const key = Object.fromEntries(keys.map((k) => [k, item[k] ?? (k === 'protocol' ? 'TCP' : undefined)]))
        items[`k:${JSON.stringify(key)}`] = {'.': {}, ...fieldsV1Of(item)}
      }

      set[`f:${field}`] = items
    } else if (child && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length > 0) {
      set[`f:${field}`] = fieldsV1Of(child)
    } else {
      set[`f:${field}`] = {}
    }
  }

  return set
}
