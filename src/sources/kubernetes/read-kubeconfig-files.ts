import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {delimiter, join} from 'node:path'

import type {KubeConfig} from '@kubernetes/client-node'

type KubeConfigClass = typeof import('@kubernetes/client-node').KubeConfig

/**
 * KUBECONFIG merged as kubectl merges it: the first file to name a cluster, user, context or current-context wins
 * (client-node's own merge throws on a shared name). No file inside a pod (KUBERNETES_SERVICE_HOST set): its service
 * account, as kubectl does: the token and CA under IN_CLUSTER_ROOT/var/run/secrets/kubernetes.io/serviceaccount.
 */
export function readKubeconfigFiles(KubeConfigClass: KubeConfigClass, env: string | undefined, inClusterRoot = ''): KubeConfig {
  const files = env ? env.split(delimiter).filter(Boolean) : [join(homedir(), '.kube', 'config')]
  const merged = new KubeConfigClass()
  const seen = {clusters: new Set<string>(), contexts: new Set<string>(), users: new Set<string>()}
  const options = {clusters: [] as KubeConfig['clusters'], contexts: [] as KubeConfig['contexts'], currentContext: '', users: [] as KubeConfig['users']}
  const existing = files.filter((file) => existsSync(file))
  if (existing.length === 0 && process.env.KUBERNETES_SERVICE_HOST) {
    merged.loadFromCluster(inClusterRoot)
    return merged
  }

  for (const file of existing) {
    const config = new KubeConfigClass()
    config.loadFromFile(file)
    for (const kind of ['clusters', 'contexts', 'users'] as const) {
      for (const entry of config[kind]) {
        if (seen[kind].has(entry.name)) continue
        seen[kind].add(entry.name)
        ;(options[kind] as Array<{name: string}>).push(entry)
      }
    }

    options.currentContext ||= config.getCurrentContext() ?? ''
  }

  merged.loadFromOptions(options)
  return merged
}
