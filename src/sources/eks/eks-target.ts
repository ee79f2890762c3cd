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

/** The note for an EKS call that needs a cluster name when there is none to give. */
export function clusterUnknownAnswer<T>(call: string): EksAnswer<T> {
  return {
    available: false,
    call,
    hint: 'pass --cluster NAME',
    permission: null,
    reason: `${call}: no EKS cluster name (the kubeconfig context names no EKS cluster ARN or eksctl cluster)`,
  }
}
