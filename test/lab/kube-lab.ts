import {mkdtempSync, rmSync} from 'node:fs'
import {createServer, type Server} from 'node:https'
import type {IncomingMessage, ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import type {TLSSocket} from 'node:tls'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {encodeAnswer, type EncodedAnswer, writeAnswer} from './answer.js'
import {type Fault, takeFault} from './faults.js'
import {type KubeconfigOptions, LAB_TOKEN, writeKubeconfig} from './kubeconfig.js'
import {type PolicyRule, rulesAllow} from './rbac.js'
import {type RequestInfo, resolveRequestInfo} from './request-info.js'
import {type LabState, serveGet} from './serve-resource.js'
import {LabStatus} from './status.js'
import {makeLabCertificates} from './tls.js'

/** One request as the lab saw it. */
export interface RecordedRequest {
  atMs: number
  /** The answer went out gzip-encoded. */
  gzipped: boolean
  info: RequestInfo
  method: string
  path: string
  query: Record<string, string>
  status: number
  userAgent: string
}

export interface KubeLab {
  caPem: string
  /** A client certificate and key the lab accepts in place of a token (PEM). */
  client: {certPem: string; keyPem: string}
  dir: string
  /** Failures to inject; tests push to it and may clear it. */
  faults: Fault[]
  /** Makes every continue token handed out so far expire (410), as etcd compaction does. */
  expireContinueTokens(): void
  kubeconfig: string
  /** When set, every request outside these rules is refused with 403, as the RBAC authorizer would. */
  rbac?: PolicyRule[]
  requests: RecordedRequest[]
  state: LabState
  stop(): Promise<void>
  url: string
  /** Every request that was not a GET, kept even when a test clears `requests`: the read-only assertion reads it. */
  writes: RecordedRequest[]
  /** Another kubeconfig for the same lab (another user entry, e.g. an exec plugin). */
  writeKubeconfig(options: KubeconfigOptions, file: string): string
}

export interface LabOptions {
  acceptedTokens?: string[]
  /** Keep each successful answer by URL and replay it: a benchmark then measures the client, not the lab. */
  cacheAnswers?: boolean
}

/** A loopback HTTPS Kubernetes API on a free port, with a CA made now. Read-only: it refuses writes and records them. */
export async function startKubeLab(state: LabState, options: LabOptions = {}): Promise<KubeLab> {
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-lab-'))
  const certs = makeLabCertificates(dir)
  const started = performance.now()
  const tokens = options.acceptedTokens ?? [LAB_TOKEN]
  const cache = options.cacheAnswers ? new Map<string, EncodedAnswer>() : undefined
  const lab: Omit<KubeLab, 'kubeconfig' | 'stop' | 'url' | 'writeKubeconfig'> = {
    caPem: certs.caPem,
    client: certs.client,
    dir,
    expireContinueTokens() {
      state.resourceVersion = String(Number(state.resourceVersion) + 1)
    },
    faults: [],
    requests: [],
    state,
    writes: [],
  }
  // A client certificate is asked for, not required: a token, or a certificate the lab's CA signed, authenticates.
  const server: Server = createServer({ca: certs.caPem, cert: certs.certPem, key: certs.keyPem, rejectUnauthorized: false, requestCert: true}, (req, res) => {
    handle(lab, {cache, started, tokens}, req, res).catch((error: Error) => {
      writeAnswer(res, encodeAnswer(req, new LabStatus(500, 'InternalError', error.message)))
    })
  })
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(lab, {
    kubeconfig: writeKubeconfig(dir, url, certs.caPem),
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => {
        server.close(resolve)
      })
      rmSync(dir, {force: true, recursive: true})
    },
    url,
    writeKubeconfig: (kubeconfigOptions: KubeconfigOptions, file: string) => writeKubeconfig(dir, url, certs.caPem, kubeconfigOptions, file),
  })
}

type LabCore = Pick<KubeLab, 'faults' | 'rbac' | 'requests' | 'state' | 'writes'>

interface HandlerSettings {
  cache?: Map<string, EncodedAnswer>
  started: number
  tokens: string[]
}

async function handle(lab: LabCore, {cache, started, tokens}: HandlerSettings, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://lab')
  const method = req.method ?? 'GET'
  const info = resolveRequestInfo(method, url.pathname, url.searchParams)
  const record: RecordedRequest = {
    atMs: performance.now() - started,
    gzipped: false,
    info,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    userAgent: req.headers['user-agent'] ?? '',
  }
  lab.requests.push(record)
  if (method !== 'GET') lab.writes.push(record)
  const fault = takeFault(lab.faults, url.pathname, url.searchParams, info)
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
  if (fault?.expireContinueTokens) lab.state.resourceVersion = String(Number(lab.state.resourceVersion) + 1)
  if (fault?.plainBody !== undefined) {
    record.status = fault.status ?? 404
    res.writeHead(record.status, {'content-type': 'text/plain; charset=utf-8'}).end(fault.plainBody)
    return
  }

  try {
    record.status = 200
    const auth = req.headers.authorization ?? ''
    const certified = (req.socket as TLSSocket).authorized
    if (!certified && !tokens.some((token) => auth === `Bearer ${token}`)) throw new LabStatus(401, 'Unauthorized', 'Unauthorized')
    if (fault?.status) throw faultStatus(fault, info)
    if (lab.rbac && !rulesAllow(lab.rbac, info)) throw forbidden(info)
    if (method !== 'GET') throw new LabStatus(405, 'MethodNotAllowed', `the lab is read-only: ${method} refused`)
    const key = `${req.url} ${req.headers['accept-encoding']}`
    const encoded = cache?.get(key) ?? encodeAnswer(req, serveGet(lab.state, url.pathname, url.searchParams, info))
    cache?.set(key, encoded)
    record.gzipped = encoded.gzipped
    writeAnswer(res, encoded)
  } catch (error) {
    if (!(error instanceof LabStatus)) throw error
    record.status = error.code
    writeAnswer(res, encodeAnswer(req, error, fault?.retryAfterSeconds))
  }
}

function faultStatus(fault: Fault, info: RequestInfo): LabStatus {
  if (fault.status === 403) return forbidden(info)
  if (fault.status === 429) return new LabStatus(429, 'TooManyRequests', 'Too many requests, please try again later.', {retryAfterSeconds: fault.retryAfterSeconds})
  if (fault.status === 410) return new LabStatus(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result.')
  return new LabStatus(fault.status!, fault.status === 500 ? 'InternalError' : 'ServiceUnavailable', `injected fault: HTTP ${fault.status}`)
}

/** The API server's wording: `pods is forbidden: User "lab-user" cannot list resource "pods" in API group "" at the cluster scope`. */
function forbidden(info: RequestInfo): LabStatus {
  if (!info.isResource) return new LabStatus(403, 'Forbidden', `forbidden: User "lab-user" cannot ${info.verb} path "${info.path}"`)
  const scope = info.namespace ? `in the namespace "${info.namespace}"` : 'at the cluster scope'
  const what = info.name ? `${info.resource} "${info.name}"` : info.resource
  return new LabStatus(403, 'Forbidden', `${what} is forbidden: User "lab-user" cannot ${info.verb} resource "${info.resource}" in API group "${info.apiGroup}" ${scope}`, {
    group: info.apiGroup,
    kind: info.resource,
    name: info.name,
  })
}
