import type {JsonObject} from './types.js'

/** Reads untyped API JSON defensively: a field the server left out becomes an empty value, never a crash. */
export function objectAt(value: unknown): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {}
}

export function arrayAt(value: unknown): JsonObject[] {
  return Array.isArray(value) ? (value as JsonObject[]) : []
}

export function stringAt(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

export function stringMap(value: unknown): Record<string, string> {
  return {...(objectAt(value) as Record<string, string>)}
}

/** Kubernetes quantities for pod counts are plain integers ("110"); anything else is reported as unknown. */
export function countAt(value: unknown): number | null {
  if (typeof value === 'number') return value
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null
}
