import type {RequestInfo} from './request-info.js'

/** A failure the lab injects on demand: for matching requests, wait `delayMs`, then answer `status` (or normally). */
export interface Fault {
  delayMs?: number
  /** Before answering, expire every continue token handed out so far (as etcd compaction does). */
  expireContinueTokens?: boolean
  /** Answer `status` with this text instead of a Status object, as a proxy in front of the API server would. */
  plainBody?: string
  /** A path prefix or pattern; with `resource`, both must match. */
  path?: RegExp | string
  /** Only requests carrying this query parameter (e.g. `continue`: the second and later pages). */
  queryHas?: string
  /** A resource plural, e.g. `pods`. */
  resource?: string
  retryAfterSeconds?: number
  status?: number
  /** How many matching requests it hits; unset means all of them. */
  times?: number
}

export function faultMatches(fault: Fault, path: string, query: URLSearchParams, info: RequestInfo): boolean {
  if (fault.times !== undefined && fault.times <= 0) return false
  if (fault.queryHas !== undefined && !query.has(fault.queryHas)) return false
  if (fault.resource !== undefined && (!info.isResource || info.resource !== fault.resource)) return false
  if (fault.path instanceof RegExp) return fault.path.test(path)
  return fault.path === undefined || path.startsWith(fault.path)
}

/** The first live fault for a request, counted as used. */
export function takeFault(faults: Fault[], path: string, query: URLSearchParams, info: RequestInfo): Fault | undefined {
  const fault = faults.find((f) => faultMatches(f, path, query, info))
  if (fault?.times !== undefined) fault.times--
  return fault
}
