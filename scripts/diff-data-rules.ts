/** The hand-kept part of `vpccni diff`'s reference data: how the shared env table's free-text types read. */
import type {EnvValueKind} from '../src/core/diff/reference-data.js'

/** `int (seconds)`, `bool-string`, `string (strict|standard)`, `string (JSON object)` → a checkable kind. */
export function classifyEnvType(type: string): {allowed?: string[]; kind: EnvValueKind} {
  if (type.startsWith('int')) return {kind: 'int'}
  if (type === 'bool-string') return {kind: 'bool'}
  if (type.includes('downward API')) return {kind: 'fieldRef'}
  if (type.includes('JSON object')) return {kind: 'json'}
  const choices = /^string \(([a-z|]+)\)$/.exec(type)
  if (choices) return {allowed: choices[1].split('|'), kind: 'enum'}
  return {kind: 'string'}
}

/** `v1.12.1 (deprecated v1.13.2)`, `deprecated v1.12.1`, `v1.9.0` or null. */
export function parseSince(since: null | string): {deprecatedIn?: string; since: null | string} {
  if (!since) return {since: null}
  const deprecated = /deprecated (v[\d.]+)/.exec(since)?.[1]
  const first = /^(v[\d.]+)/.exec(since)?.[1] ?? null
  return deprecated ? {deprecatedIn: deprecated, since: first} : {since: first}
}
