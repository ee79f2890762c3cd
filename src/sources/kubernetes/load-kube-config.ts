import {existsSync} from 'node:fs'
import {Agent} from 'node:https'
import type {Agent as HttpAgent} from 'node:http'

import {suggestNearest} from '../../core/suggest-nearest.js'
import {SourceError, UserError} from '../../errors.js'
import {readKubeconfigFiles} from './read-kubeconfig-files.js'
import type {KubeContextInfo, KubernetesOptions} from './types.js'

export interface KubeConnection {
  agent: HttpAgent
  context: KubeContextInfo
  headers: Record<string, string>
}

const CALL = 'kubernetes:kubeconfig'

/**
 * The kubeconfig as kubectl reads it; client-node (imported lazily: ~0.9 s) resolves certificates, tokens and exec plugins.
 */
export async function loadKubeConfig(options: KubernetesOptions): Promise<KubeConnection> {
  const {KubeConfig} = await import('@kubernetes/client-node')
  let config = new KubeConfig()
  try {
    if (options.kubeconfig) {
      if (!existsSync(options.kubeconfig)) throw new UserError(`kubeconfig ${options.kubeconfig} does not exist`)
      config.loadFromFile(options.kubeconfig)
    } else {
      config = readKubeconfigFiles(KubeConfig, process.env.KUBECONFIG, options.inClusterRoot)
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`cannot read the kubeconfig: ${(error as Error).message}`, {cause: error})
  }

  selectContext(config, options.context)
  const cluster = config.getCurrentCluster()
  const user = config.getCurrentUser()
  if (!cluster || !user) {
    throw new SourceError(CALL, `context "${config.getCurrentContext()}" names no cluster or no user`, {
      outOfReach: true,
      hint: 'check the kubeconfig, or pass --kubeconfig and --context',
    })
  }

  const requestOptions: import('node:https').RequestOptions & {headers?: Record<string, string>} = {}
  try {
    await config.applyToHTTPSOptions(requestOptions)
  } catch (error) {
    // Exec plugins (aws eks get-token) and unreadable certificate files fail here.
    throw new SourceError(CALL, `cannot get credentials for context "${config.getCurrentContext()}": ${(error as Error).message}`, {
      outOfReach: true,
      cause: error,
      hint: 'run the kubeconfig user\'s exec command by hand, or check its certificate files',
    })
  }

  const headers: Record<string, string> = {...requestOptions.headers}
  if (requestOptions.auth) headers.Authorization = `Basic ${Buffer.from(requestOptions.auth).toString('base64')}`
  const server = cluster.server.replace(/\/+$/, '')
  return {
    agent: reuseConnections(requestOptions, Boolean(cluster.proxyUrl) || server.startsWith('http:')),
    context: {cluster: cluster.name, name: config.getCurrentContext(), server, user: user.name},
    headers,
  }
}

function selectContext(config: import('@kubernetes/client-node').KubeConfig, wanted: string | undefined): void {
  const names = config.getContexts().map((c) => c.name)
  if (wanted) {
    if (!names.includes(wanted)) {
      throw new UserError(`kubeconfig has no context "${wanted}"`, {suggestions: suggestNearest(wanted, names)})
    }

    config.setCurrentContext(wanted)
    return
  }

  if (!config.getCurrentContext() || !config.getContextObject(config.getCurrentContext())) {
    throw new SourceError(CALL, names.length === 0 ? 'no kubeconfig context found' : 'the kubeconfig has no current context', {
      outOfReach: true,
      hint: names.length === 0 ? 'pass --kubeconfig or set KUBECONFIG' : `pass --context (one of ${names.join(', ')})`,
    })
  }
}

/** client-node's agent opens a TLS connection per request; hundreds of pages want one kept alive (proxies keep theirs). */
function reuseConnections(options: import('node:https').RequestOptions, keepClientAgent: boolean): HttpAgent {
  if (keepClientAgent && options.agent) return options.agent as HttpAgent
  return new Agent({
    ca: options.ca,
    cert: options.cert,
    keepAlive: true,
    key: options.key,
    maxSockets: 4,
    passphrase: options.passphrase,
    pfx: options.pfx,
    rejectUnauthorized: options.rejectUnauthorized,
    servername: options.servername,
  })
}
