import type {KubernetesOptions} from './types.js'

/** The shared live flags (src/live-flags.ts) as the Kubernetes source takes them. */
export function kubernetesOptionsFromFlags(
  flags: {context?: string; kubeconfig?: string; 'request-timeout': number},
  signal?: AbortSignal,
): KubernetesOptions {
  return {context: flags.context, kubeconfig: flags.kubeconfig, signal, timeoutMs: flags['request-timeout'] * 1000}
}
