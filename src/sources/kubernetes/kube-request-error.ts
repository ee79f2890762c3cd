interface Details {
  code?: string
  reason?: string
  retryAfterSeconds?: number
  /** A retry was due but its wait would have ended past the request's deadline. */
  retryCut?: boolean
  status?: number
  timeoutMs?: number
}

/** One failed GET, before it is named after the reader that made it (see map-kube-error.ts). */
export class KubeRequestError extends Error {
  readonly code?: string
  readonly reason?: string
  readonly retryAfterSeconds?: number
  readonly retryCut?: boolean
  readonly status?: number
  readonly timeoutMs?: number

  constructor(message: string, details: Details = {}) {
    super(message)
    Object.assign(this, details)
  }

  /**
   * The object is not there: the API server said so, a `Status` with reason NotFound. A bare 404 (a proxy, a
   * load balancer, a wrong server URL) says nothing about the cluster and stays an error.
   */
  get isNotFound(): boolean {
    return this.status === 404 && this.reason === 'NotFound'
  }

  withRetryCut(): KubeRequestError {
    const {code, reason, retryAfterSeconds, status, timeoutMs} = this
    return new KubeRequestError(this.message, {code, reason, retryAfterSeconds, retryCut: true, status, timeoutMs})
  }

  static fromResponse(status: number, body: string, retryAfter: string | undefined): KubeRequestError {
    let message = body.trim().slice(0, 300) || `HTTP ${status}`
    let reason: string | undefined
    try {
      const parsed = JSON.parse(body) as {kind?: string; message?: string; reason?: string}
      if (parsed.kind === 'Status') {
        message = parsed.message ?? message
        reason = parsed.reason
      }
    } catch {
      // Not JSON (a proxy's HTML page, say): keep the start of the text.
    }

    return new KubeRequestError(message, {reason, retryAfterSeconds: parseRetryAfter(retryAfter), status})
  }

  static fromNetwork(error: Error & {code?: string}): KubeRequestError {
    return new KubeRequestError(error.message, {code: error.code})
  }

  static timedOut(timeoutMs: number): KubeRequestError {
    return new KubeRequestError(`no answer within ${timeoutMs / 1000} s`, {code: 'ETIMEDOUT', timeoutMs})
  }
}

/** Retry-After in seconds (the API server sends whole seconds); an HTTP date is honoured too. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000)
}
