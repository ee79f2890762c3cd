import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {delimiter, join} from 'node:path'

import type {KubeConfig} from '@kubernetes/client-node'

import {oneLine} from '../../core/one-line.js'
import {UserError} from '../../errors.js'

type KubeConfigClass = typeof import('@kubernetes/client-node').KubeConfig

/** The merged kubeconfig, and the files it was looked for in (a message about a missing context names them). */
export interface KubeconfigFiles {
  config: KubeConfig
  searched: string[]
}

/**
 * KUBECONFIG merged as kubectl merges it: the first file to name a cluster, user, context or current-context wins
 * (client-node's own merge throws on a shared name). No file inside a pod (KUBERNETES_SERVICE_HOST set): its service
 * account, as kubectl does: the token and CA under IN_CLUSTER_ROOT/var/run/secrets/kubernetes.io/serviceaccount.
 */
export function readKubeconfigFiles(KubeConfigClass: KubeConfigClass, env: string | undefined, inClusterRoot = ''): KubeconfigFiles {
  const searched = env ? env.split(delimiter).filter(Boolean) : [join(homedir(), '.kube', 'config')]
  const merged = new KubeConfigClass()
  const seen = {clusters: new Set<string>(), contexts: new Set<string>(), users: new Set<string>()}
  const options = {clusters: [] as KubeConfig['clusters'], contexts: [] as KubeConfig['contexts'], currentContext: '', users: [] as KubeConfig['users']}
  const existing = searched.filter((file) => existsSync(file))
  if (existing.length === 0 && process.env.KUBERNETES_SERVICE_HOST) {
    merged.loadFromCluster(inClusterRoot)
    return {config: merged, searched}
  }

  for (const file of existing) {
    const config = loadKubeconfigFile(KubeConfigClass, file)
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
  return {config: merged, searched}
}

/** One kubeconfig file; one that is not a kubeconfig (bad YAML, binary, wrong shape) is bad input naming the file. */
export function loadKubeconfigFile(KubeConfigClass: KubeConfigClass, file: string): KubeConfig {
  const config = new KubeConfigClass()
  try {
    config.loadFromFile(file)
  } catch (error) {
    throw new UserError(`cannot read the kubeconfig ${file}: ${oneLine((error as Error).message ?? String(error))}`, {
      cause: error,
      hint: `kubectl config view --kubeconfig ${file} shows what kubectl makes of it`,
    })
  }

  return config
}
