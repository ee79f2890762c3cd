import {SourceError, VpccniError} from '../../errors.js'
import {wordsOfCode} from '../errno-words.js'
import type {KubeCall} from './kube-calls.js'
import {KubeRequestError} from './kube-request-error.js'

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/

/** Turns a failed GET into one SourceError (exit 3) naming the reader's call and, for a refusal, its RBAC permission. */
export function mapKubeError(call: KubeCall, server: string, error: unknown): VpccniError {
  if (error instanceof VpccniError) return error
  if (!(error instanceof KubeRequestError)) {
    return new SourceError(call.call, (error as Error)?.message ?? String(error), {cause: error})
  }

  const {status} = error
  if (status === 403) {
    return new SourceError(call.call, `forbidden: needs RBAC permission "${call.permission}" (${error.message})`, {
      cause: error,
      hint: 'bind the ClusterRole of the README\'s Permissions section to your user or group',
      permission: call.permission,
    })
  }

  if (status === 401) {
    return new SourceError(call.call, `unauthorized: the API server rejected the credentials (${error.message})`, {
      outOfReach: true,
      cause: error,
      hint: 'refresh the kubeconfig credentials (e.g. aws eks update-kubeconfig) or pick another --context',
    })
  }

  if (status !== undefined) {
    const retried = error.retryCut ? ' (its retry would end past --request-timeout)' : status === 429 || status >= 500 ? ' (after retries)' : ''
    return new SourceError(call.call, `HTTP ${status}${error.reason ? ` ${error.reason}` : ''}${retried}: ${error.message}`, {cause: error})
  }

  if (error.timeoutMs !== undefined) {
    return new SourceError(call.call, `${server} gave ${error.message}`, {
      outOfReach: true,
      cause: error,
      hint: 'raise --request-timeout, or check that the API server endpoint is reachable from here',
    })
  }

  // No connection fails every call alike: the message names the API server, not the read that happened to go first.
  const tls = TLS_CODES.test(error.code ?? '')
  return new SourceError(call.call, `cannot reach the API server ${server} (${connectionFault(error)})`, {
    outOfReach: true,
    cause: error,
    hint: tls
      ? 'the server certificate is not trusted: check the kubeconfig certificate-authority'
      : 'check --context and that the API server endpoint is reachable from here',
    shownAs: 'kubernetes',
  })
}

/** The system's code in words; an unknown code with Node's message, which often repeats the code (said once). */
function connectionFault({code, message}: KubeRequestError): string {
  const words = wordsOfCode(code)
  if (words) return words
  if (!code || message.includes(code)) return message
  return `${code}: ${message}`
}
