import {Agent} from 'node:https'
import {createSecureContext, type SecureContext} from 'node:tls'
import type {Agent as HttpAgent} from 'node:http'

import {oneLine} from '../../core/one-line.js'
import {quoteInput} from '../../core/quote-input.js'
import {SourceError, UserError} from '../../errors.js'
import {checkTlsMaterial} from './check-tls-material.js'
import {loadClientNode} from './load-client-node.js'
import {type KubeconfigFiles, noContextFound, readKubeconfig, unknownContext} from './read-kubeconfig-files.js'
import type {KubeContextInfo, KubernetesOptions} from './types.js'

export interface KubeConnection {
  agent: HttpAgent
  context: KubeContextInfo
  headers: Record<string, string>
}

const CALL = 'kubernetes:kubeconfig'

/**
 * The kubeconfig as kubectl reads it; client-node (loaded on first use: ~0.9 s) resolves certificates, tokens and exec plugins.
 */
export async function loadKubeConfig(options: KubernetesOptions): Promise<KubeConnection> {
  const {KubeConfig} = await loadClientNode()
  const loaded = readKubeconfig(KubeConfig, options.kubeconfig, options.inClusterRoot)
  const {config} = loaded
  selectContext(loaded, options.context)
  const cluster = config.getCurrentCluster()
  const user = config.getCurrentUser()
  if (!cluster || !user) {
    throw new SourceError(CALL, `context "${config.getCurrentContext()}" names no cluster or no user`, {
      outOfReach: true,
      hint: 'check the kubeconfig, or pass --kubeconfig and --context',
    })
  }

  // In a pod the kubelet mounts the CA; a missing one is the service account's to explain (below).
  if (!loaded.inCluster) checkTlsMaterial(cluster, user, config.getCurrentContext())
  const requestOptions: import('node:https').RequestOptions & {headers?: Record<string, string>} = {}
  try {
    await config.applyToHTTPSOptions(requestOptions)
  } catch (error) {
    // Exec plugins (aws eks get-token) and unreadable certificate files fail here.
    const exec = user.exec?.command ? ` (exec ${quoteInput(user.exec.command, 60)})` : ''
    throw new SourceError(CALL, `cannot get credentials for context "${config.getCurrentContext()}"${exec}: ${oneLine((error as Error).message ?? String(error))}`, {
      outOfReach: true,
      cause: error,
      // In a pod there is no kubeconfig: what can be missing is the service account's token or CA, mounted by the kubelet.
      hint: loaded.inCluster
        ? 'check the pod\'s service account files (token and ca.crt under /var/run/secrets/kubernetes.io/serviceaccount): automountServiceAccountToken must not be false'
        : 'run the kubeconfig user\'s exec command by hand, or check its certificate files',
    })
  }

  const headers: Record<string, string> = {...requestOptions.headers}
  if (requestOptions.auth) headers.Authorization = `Basic ${Buffer.from(requestOptions.auth).toString('base64')}`
  const server = cluster.server.replace(/\/+$/, '')
  return {
    agent: reuseConnections(requestOptions, Boolean(cluster.proxyUrl) || server.startsWith('http:'), config.getCurrentContext()),
    context: {cluster: cluster.name, name: config.getCurrentContext(), server, user: user.name},
    headers,
  }
}

function selectContext({config, searched}: KubeconfigFiles, wanted: string | undefined): void {
  const names = config.getContexts().map((c) => c.name)
  if (names.length === 0) throw noContextFound(searched)
  if (wanted) {
    if (!names.includes(wanted)) throw unknownContext(wanted, names)
    config.setCurrentContext(wanted)
    return
  }

  if (!config.getCurrentContext() || !config.getContextObject(config.getCurrentContext())) {
    throw new SourceError(CALL, 'the kubeconfig has no current context', {
      outOfReach: true,
      hint: `pass --context (one of ${names.join(', ')})`,
    })
  }
}

/**
 * client-node's agent opens a TLS connection per request; hundreds of pages want one kept alive (proxies keep theirs).
 * Its few sockets share one TLS context: given the CA and client certificate instead, each socket would build its own
 * (parse the PEM again), a millisecond of CPU a connection that a fleet of small clusters pays many times over.
 */
function reuseConnections(options: import('node:https').RequestOptions, keepClientAgent: boolean, context: string): HttpAgent {
  if (keepClientAgent && options.agent) return options.agent as HttpAgent
  const {ca, cert, key, passphrase, pfx} = options
  let secureContext: SecureContext
  try {
    secureContext = createSecureContext({ca, cert, key, passphrase, pfx})
  } catch (error) {
    throw new UserError(`kubeconfig context "${context}": cannot use its TLS certificates: ${oneLine((error as Error).message)}`, {
      cause: error,
      hint: 'check its cluster\'s certificate-authority and its user\'s client-certificate and client-key (PEM)',
    })
  }

  return new Agent({keepAlive: true, maxSockets: 4, rejectUnauthorized: options.rejectUnauthorized, secureContext, servername: options.servername})
}
