import {request as httpRequest, type IncomingHttpHeaders} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {setTimeout as sleep} from 'node:timers/promises'
import {gunzipSync} from 'node:zlib'

import {DeadlineExceeded, startDeadline} from '../deadline.js'

import type {KubeConnection} from './load-kube-config.js'
import {KubeRequestError} from './kube-request-error.js'
import type {JsonObject} from './types.js'

export interface RetryPolicy {
  /** First back-off when the server gives no Retry-After; doubles each time. */
  baseDelayMs: number
  maxAttempts: number
  /** A Retry-After beyond this is cut down to it: a CLI should fail rather than sleep for minutes. */
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {baseDelayMs: 250, maxAttempts: 4, maxDelayMs: 10_000}

const RETRIED_STATUS = new Set([429, 500, 502, 503, 504])
const RETRIED_NETWORK = new Set(['ECONNRESET', 'EPIPE'])

/**
 * The only way the Kubernetes source talks to the API server: GET, so vpccni is read-only by construction. The answer
 * is parsed JSON, or what `read` makes of its JSON bytes (a list page read item by item).
 */
export type KubeGet = <T = JsonObject>(path: string, query?: Record<string, string | undefined>, read?: (json: Buffer) => T) => Promise<T>

const parseJson = <T>(json: Buffer): T => JSON.parse(json.toString('utf8')) as T

/**
 * GET with a bounded 429/5xx retry honouring Retry-After (client-node has none), all of it within `timeoutMs`: a retry
 * that would end past the deadline is not made. `signal` (the sources closing) aborts the GET and its back-off at once.
 */
export function createKubeGet(connection: KubeConnection, timeoutMs: number, retry: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal): KubeGet {
  return async <T>(path: string, query: Record<string, string | undefined> = {}, read: (json: Buffer) => T = parseJson) => {
    const url = new URL(connection.context.server + path)
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value)
    const deadline = startDeadline(timeoutMs, signal)
    const endsAt = performance.now() + timeoutMs
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await getOnce(connection, url, deadline.signal, read)
        } catch (error) {
          if (attempt >= retry.maxAttempts || !isRetried(error)) throw error
          const delayMs = retryDelayMs(error as KubeRequestError, attempt, retry)
          if (performance.now() + delayMs >= endsAt) throw (error as KubeRequestError).withRetryCut()
          await sleep(delayMs, undefined, {signal: deadline.signal}).catch(() => {
            throw abortError(deadline.signal)
          })
        }
      }
    } finally {
      deadline.clear()
    }
  }
}

function abortError(signal: AbortSignal): KubeRequestError {
  return signal.reason instanceof DeadlineExceeded
    ? KubeRequestError.timedOut(signal.reason.timeoutMs)
    : new KubeRequestError(`aborted: ${(signal.reason as Error)?.message ?? 'cancelled'}`, {code: 'ABORTED'})
}

function isRetried(error: unknown): boolean {
  if (!(error instanceof KubeRequestError)) return false
  return error.status === undefined ? RETRIED_NETWORK.has(error.code ?? '') : RETRIED_STATUS.has(error.status)
}

function retryDelayMs(error: KubeRequestError, attempt: number, retry: RetryPolicy): number {
  const wanted = error.retryAfterSeconds === undefined ? retry.baseDelayMs * 2 ** (attempt - 1) : error.retryAfterSeconds * 1000
  return Math.min(wanted, retry.maxDelayMs)
}

/** Sent with every request: audit logs show vpccni by name, and large lists come gzipped as kubectl's do. */
const HEADERS = {Accept: 'application/json', 'Accept-Encoding': 'gzip', 'User-Agent': 'vpccni (read-only)'}

function getOnce<T>(connection: KubeConnection, url: URL, signal: AbortSignal, read: (json: Buffer) => T): Promise<T> {
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest
  return new Promise((resolve, reject) => {
    // The signal destroys the request and its socket: a GET past its deadline leaves nothing open.
    const req = send(url, {agent: connection.agent, headers: {...connection.headers, ...HEADERS}, method: 'GET', signal}, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', (error) => reject(signal.aborted ? abortError(signal) : KubeRequestError.fromNetwork(error)))
      res.on('end', () => {
        try {
          resolve(parseAnswer(url, res.statusCode ?? 0, res.headers, Buffer.concat(chunks), read))
        } catch (error) {
          reject(error)
        }
      })
    })
    req.on('error', (error) => reject(signal.aborted ? abortError(signal) : KubeRequestError.fromNetwork(error)))
    req.end()
  })
}

function parseAnswer<T>(url: URL, status: number, headers: IncomingHttpHeaders, body: Buffer, read: (json: Buffer) => T): T {
  const json = headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body
  if (status !== 200) throw KubeRequestError.fromResponse(status, json.toString('utf8'), headers['retry-after'])
  try {
    return read(json)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    throw new KubeRequestError(`the server answered ${url.pathname} with something that is not JSON`, {status})
  }
}
