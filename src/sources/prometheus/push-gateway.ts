import type {ClusterKey} from '../../core/doctor/doctor-run.js'
import {oneLine} from '../../core/one-line.js'
import {quoteInput} from '../../core/quote-input.js'
import {SourceError, UserError} from '../../errors.js'

/** A --push-gateway URL, checked: where to PUT (without its userinfo), and the basic-auth header that userinfo gave. */
export interface PushGateway {
  /** `Basic …` from `http://USER:PASSWORD@host`, as Go's net/http (and so Prometheus' own push clients) sends it. */
  authorization?: string
  base: URL
}

/** One cluster's metrics, to replace its group on the gateway. */
export interface Push {
  body: string
  key: ClusterKey
  /** How messages name the cluster: in a fleet its context (its key's name may be its fellow members' too). */
  name: string
}

/** Pushes made at once: a fleet of hundreds of clusters is not hundreds of connections to one gateway. */
const PUSHES_AT_ONCE = 8

/** TEXT with everything between `scheme://` and the last `@` hidden: no message ever repeats a password. */
export const redactUserinfo = (text: string): string => text.replace(/^([a-z][\w+.-]*:\/\/)[^]*@/i, '$1***@')

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** Checks --push-gateway before anything is read: an http(s) URL; its userinfo becomes a basic-auth header. */
export function parsePushGateway(text: string): PushGateway {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {}

  if (!url || !/^https?:$/.test(url.protocol) || !url.host) throw new UserError(`--push-gateway ${quoteInput(redactUserinfo(text))}: not an http(s) URL`)
  // The gateway's push API is under /metrics: a URL that already goes there would PUT to /metrics/metrics/job/… (404).
  const api = /\/metrics(\/.*)?$/.exec(url.pathname)
  if (api) {
    throw new UserError(`--push-gateway ${quoteInput(redactUserinfo(text))}: give the Pushgateway's own URL, without ${api[0]}`, {
      hint: 'vpccni adds /metrics/job/vpccni/cluster/NAME/… itself, e.g. --push-gateway http://pushgateway:9091',
    })
  }

  const gateway: PushGateway = {base: url}
  if (url.username || url.password) {
    gateway.authorization = `Basic ${Buffer.from(`${decode(url.username)}:${decode(url.password)}`).toString('base64')}`
    url.username = ''
    url.password = ''
  }

  return gateway
}

/** A grouping-key value in a Pushgateway path: plain when it is URL-safe, else base64url with the `@base64` suffix. */
function groupingValue(label: string, value: string): string {
  if (/^[\w.-]+$/.test(value)) return `${label}/${value}`
  return `${label}@base64/${Buffer.from(value).toString('base64url') || '='}`
}

/**
 * Where the metrics of one cluster go: /metrics/job/vpccni/cluster/NAME, then /region/R and /account_id/A when known,
 * under the gateway's URL: the grouping key is the metrics' own cluster labels, so two clusters of one name in two
 * accounts keep two groups.
 */
export function pushGatewayUrl(base: string | URL, key: ClusterKey): URL {
  const url = new URL(base)
  const place = [key.region && groupingValue('region', key.region), key.accountId && groupingValue('account_id', key.accountId)].filter(Boolean)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/job/vpccni/${[groupingValue('cluster', key.cluster), ...place].join('/')}`
  return url
}

/** A URL as messages show it: no userinfo, no query (a token may ride there too). */
const shown = (url: URL): string => `${url.origin}${url.pathname}`

/**
 * PUTs one cluster's metrics to a Prometheus Pushgateway, replacing that group's previous push. The only write vpccni
 * ever makes, and only to the URL given with --push-gateway: a redirect is not followed (it would send the body, and
 * the credentials, somewhere else), it is an error naming where the gateway pointed.
 */
export async function pushMetrics(gateway: PushGateway, push: Push, timeoutSeconds: number): Promise<void> {
  const url = pushGatewayUrl(gateway.base, push.key)
  const call = `pushgateway:PUT ${shown(url)}`
  const headers: Record<string, string> = {'Content-Type': 'text/plain; version=0.0.4; charset=utf-8'}
  if (gateway.authorization) headers.Authorization = gateway.authorization
  let response: Response
  try {
    response = await fetch(url, {body: push.body, headers, method: 'PUT', redirect: 'manual', signal: AbortSignal.timeout(timeoutSeconds * 1000)})
  } catch (error) {
    const failure = error as Error & {cause?: {code?: string; message?: string}}
    const code = failure.cause?.code
    let reason = `cannot send it (${redactUserinfo(oneLine(failure.cause?.message ?? failure.message))})`
    if (failure.name === 'TimeoutError') reason = `no answer within ${timeoutSeconds} s`
    else if (code) reason = `no answer (${code})`
    throw new SourceError(call, reason, {hint: 'check --push-gateway URL', outOfReach: true})
  }

  const text = oneLine(await response.text())
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location')
    let target = location === null ? 'nowhere (no Location)' : redactUserinfo(oneLine(location))
    try {
      if (location !== null) target = shown(new URL(location, url))
    } catch {}

    throw new SourceError(call, `HTTP ${response.status}: redirected to ${target}, which vpccni does not follow`, {hint: 'give the final URL in --push-gateway'})
  }

  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? 'check the user and password in the --push-gateway URL' : undefined
    throw new SourceError(call, `HTTP ${response.status}${text ? `: ${text}` : ''}`, {hint})
  }
}

/**
 * Pushes every cluster's metrics, each whatever happened to the others, then fails once for all that failed: one
 * error line naming each failed cluster (clusters that failed for the same reason share it).
 */
export async function pushEvery(gateway: PushGateway, pushes: Push[], timeoutSeconds: number): Promise<void> {
  const failures: Array<SourceError | undefined> = new Array(pushes.length)
  let next = 0
  const worker = async () => {
    while (next < pushes.length) {
      const index = next++
      await pushMetrics(gateway, pushes[index], timeoutSeconds).catch((error: unknown) => {
        if (!(error instanceof SourceError)) throw error
        failures[index] = error
      })
    }
  }

  await Promise.all(Array.from({length: Math.min(PUSHES_AT_ONCE, pushes.length)}, worker))
  const failed = failures.flatMap((error, i) => (error ? [{cluster: pushes[i].name, error}] : []))
  if (failed.length === 0) return
  if (pushes.length === 1) throw failed[0].error
  const byReason = new Map<string, string[]>()
  for (const {cluster, error} of failed) {
    const reason = error.detail
    byReason.set(reason, [...(byReason.get(reason) ?? []), cluster])
  }

  const reasons = [...byReason].map(([reason, clusters]) => `cluster ${clusters.join(', ')}: ${reason}`)
  const job = `${shown(gateway.base).replace(/\/+$/, '')}/metrics/job/vpccni`
  throw new SourceError(`pushgateway:PUT ${job}`, `${failed.length} of ${pushes.length} pushes failed: ${reasons.join('; ')}`, {
    hint: failed.find((f) => f.error.hint)?.error.hint,
    outOfReach: failed.every((f) => f.error.outOfReach),
  })
}
