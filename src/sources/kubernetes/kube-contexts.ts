import {chooseEksCluster} from '../../core/eks-cluster-arn.js'
import {loadClientNode} from './load-client-node.js'
import {noContextFound, readKubeconfig, unknownContext} from './read-kubeconfig-files.js'
import type {KubeContextInfo} from './types.js'

/** One kubeconfig context of a fleet, with the region and AWS profile it says its cluster lives under. */
export interface KubeContextTarget {
  /** The EKS cluster name its ARN (or eksctl name) gives: what the cluster is labelled even when it cannot be read. */
  clusterName?: string
  name: string
  /** AWS_PROFILE in the context user's exec env (`aws eks update-kubeconfig --profile` writes it there). */
  profile?: string
  /** From the EKS cluster ARN (or eksctl name) of the context or its cluster entry. */
  region?: string
}

/** The kubeconfig's contexts, read without credentials (no exec plugin runs), and the files looked in. */
async function readContexts(kubeconfig: string | undefined) {
  const {KubeConfig} = await loadClientNode()
  const {config, inCluster, searched} = readKubeconfig(KubeConfig, kubeconfig)
  return {config, inCluster: inCluster === true, searched}
}

const targetOf = (config: KubeConfigLike, context: {cluster: string; name: string; user: string}): KubeContextTarget => {
  const user = config.getUser(context.user)
  const profile = user?.exec?.env?.find((e: {name: string}) => e.name === 'AWS_PROFILE')?.value
  const eks = chooseEksCluster(undefined, [context.name, context.cluster])
  return {clusterName: eks?.clusterName, name: context.name, profile, region: eks?.region}
}

type KubeConfigLike = Awaited<ReturnType<typeof readContexts>>['config']

/**
 * The context a command would use (--context, else the current one), read without its credentials, and whether it is a
 * pod's service account standing in for a kubeconfig (where no context names the EKS cluster).
 */
export async function currentContextInfo(kubeconfig: string | undefined, wanted: string | undefined): Promise<{inCluster: boolean; info: KubeContextInfo} | undefined> {
  const {config, inCluster} = await readContexts(kubeconfig)
  const context = config.getContextObject(wanted ?? config.getCurrentContext())
  const server = context && config.getCluster(context.cluster)?.server
  return context ? {inCluster, info: {cluster: context.cluster, name: context.name, server: server?.replace(/\/+$/, '') ?? '', user: context.user}} : undefined
}

/** The contexts WANTED (all of them when `all`), in the kubeconfig's order; an unknown name is bad input with the nearest ones. */
export async function kubeContextTargets(kubeconfig: string | undefined, wanted: string[], all: boolean): Promise<KubeContextTarget[]> {
  const {config, searched} = await readContexts(kubeconfig)
  const contexts = config.getContexts()
  const names = contexts.map((c) => c.name)
  // As for one context: no kubeconfig at all means the clusters are out of reach (exit 3), not a bad flag.
  if (names.length === 0) throw noContextFound(searched)
  for (const name of wanted) {
    if (!names.includes(name)) throw unknownContext(name, names)
  }

  const chosen = all ? contexts : wanted.filter((n, i) => wanted.indexOf(n) === i).map((n) => contexts.find((c) => c.name === n)!)
  return chosen.map((context) => targetOf(config, context))
}
