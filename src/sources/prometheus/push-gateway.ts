import {SourceError} from '../../errors.js'

/** A grouping-key value in a Pushgateway path: plain when it is URL-safe, else base64url with the `@base64` suffix. */
function groupingValue(label: string, value: string): string {
  if (/^[\w.-]+$/.test(value)) return `${label}/${value}`
  return `${label}@base64/${Buffer.from(value).toString('base64url') || '='}`
}

/** Where the metrics of one cluster go: /metrics/job/vpccni/cluster/NAME under the gateway's URL. */
export function pushGatewayUrl(base: string, cluster: string): URL {
  const url = new URL(base)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/job/vpccni/${groupingValue('cluster', cluster)}`
  return url
}

/**
 * PUTs one cluster's metrics to a Prometheus Pushgateway, replacing that group's previous push. The only write vpccni
 * ever makes, and only to the URL given with --push-gateway.
 */
export async function pushMetrics(base: string, cluster: string, body: string, timeoutSeconds: number): Promise<void> {
  const url = pushGatewayUrl(base, cluster)
  const call = `pushgateway:PUT ${url.origin}${url.pathname}`
  let response: Response
  try {
    response = await fetch(url, {
      body,
      headers: {'Content-Type': 'text/plain; version=0.0.4; charset=utf-8'},
      method: 'PUT',
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    })
  } catch (error) {
    const cause = (error as Error & {cause?: {code?: string}}).cause?.code ?? (error as Error).message
    throw new SourceError(call, `no answer (${cause})`, {hint: 'check --push-gateway URL', outOfReach: true})
  }

  if (!response.ok) {
    const text = (await response.text()).trim().slice(0, 200)
    throw new SourceError(call, `HTTP ${response.status}${text ? `: ${text}` : ''}`)
  }
}
