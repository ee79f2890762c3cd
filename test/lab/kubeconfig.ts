import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {stringify} from 'yaml'

export const LAB_CLUSTER_ARN = 'arn:aws:eks:us-west-2:111122223333:cluster/lab'
export const LAB_TOKEN = 'lab-token-not-a-secret'

export interface KubeconfigOptions {
  /** Fields set over the `cluster` entry's (its server and the lab's CA). */
  cluster?: object
  context?: string
  /** The `user` entry; a static bearer token when unset. */
  user?: object
}

/** A kubeconfig as `aws eks update-kubeconfig` writes it (cluster named by its ARN), trusting the lab's CA. */
export function writeKubeconfig(dir: string, server: string, caPem: string, options: KubeconfigOptions = {}, file = 'kubeconfig'): string {
  const context = options.context ?? LAB_CLUSTER_ARN
  const config = {
    apiVersion: 'v1',
    clusters: [{cluster: {'certificate-authority-data': Buffer.from(caPem).toString('base64'), server, ...options.cluster}, name: LAB_CLUSTER_ARN}],
    contexts: [{context: {cluster: LAB_CLUSTER_ARN, user: 'lab-user'}, name: context}],
    'current-context': context,
    kind: 'Config',
    preferences: {},
    users: [{name: 'lab-user', user: options.user ?? {token: LAB_TOKEN}}],
  }
  const path = join(dir, file)
  writeFileSync(path, stringify(config))
  return path
}
