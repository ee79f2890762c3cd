import {chooseEksCluster} from '../../core/eks-cluster-arn.js'
import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAnswer} from './eks-types.js'

export interface EksTarget {
  clusterName: string
  /** The caller's options, with the region taken from the context's ARN when none was given. */
  options: AwsOptions
  source: 'flag' | 'kubeconfig'
}

/**
 * The EKS cluster to ask about: `--cluster`, else the name in the kubeconfig context's ARN
 * (pass the context's name and its cluster entry's name). Undefined when neither names one.
 */
export function resolveEksTarget(options: AwsOptions, clusterFlag: string | undefined, kubeconfigNames: Array<string | undefined>): EksTarget | undefined {
  const choice = chooseEksCluster(clusterFlag, kubeconfigNames)
  if (!choice) return undefined
  return {clusterName: choice.clusterName, options: {...options, region: options.region ?? choice.region}, source: choice.source}
}

/** Why there is no EKS cluster name: the context names none, there is no context, or a pod's service account stands in. */
export type ClusterUnknown = 'in-cluster' | 'no-context' | 'unnamed-context'

const UNKNOWN_BECAUSE: Record<ClusterUnknown, string> = {
  'in-cluster': 'in a pod, on its service account, there is no kubeconfig context to name it',
  'no-context': 'there is no kubeconfig context to take it from',
  'unnamed-context': 'the kubeconfig context names no EKS cluster ARN or eksctl cluster',
}

/** The note for an EKS call that needs a cluster name when there is none to give. */
export function clusterUnknownAnswer<T>(call: string, because: ClusterUnknown = 'unnamed-context'): EksAnswer<T> {
  return {
    available: false,
    call,
    hint: because === 'in-cluster' ? 'pass --cluster NAME (deploy/cronjob.yaml passes CLUSTER_NAME from its ConfigMap)' : 'pass --cluster NAME',
    permission: null,
    reason: `${call}: no EKS cluster name (${UNKNOWN_BECAUSE[because]})`,
  }
}
