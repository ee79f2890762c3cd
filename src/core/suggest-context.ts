import {chooseEksCluster} from './eks-cluster-arn.js'
import {suggestNearest} from './suggest-nearest.js'

const LIMIT = 3

/**
 * The kubeconfig contexts a mistyped --context may have meant, nearest first. A context that `aws eks update-kubeconfig`
 * or eksctl named is also found by its cluster's name: `--context prod-b` means the ARN context of cluster prod-b more
 * likely than a context named prod-a. A mistyped ARN is compared by its cluster name: ARNs of one account share 40
 * characters, which would make every other cluster's ARN look like a typo of it.
 */
export function suggestContexts(wanted: string, names: string[]): string[] {
  const contextsOf = new Map<string, string[]>()
  const add = (key: string, name: string) => contextsOf.set(key, [...(contextsOf.get(key) ?? []), name])
  for (const name of names) {
    add(name, name)
    const cluster = chooseEksCluster(undefined, [name])?.clusterName
    if (cluster && cluster !== name) add(cluster, name)
  }

  const keys = suggestNearest(chooseEksCluster(undefined, [wanted])?.clusterName ?? wanted, contextsOf.keys(), LIMIT)
  return [...new Set(keys.flatMap((key) => contextsOf.get(key) ?? []))].slice(0, LIMIT)
}
