import * as Flags from '@oclif/core/flags'

import {MAX_REQUEST_TIMEOUT_S} from './integer-flag.js'

/**
 * Flags of every command that reads a live cluster or AWS account, named as their ecosystems name them.
 * Each falls back to the usual environment (KUBECONFIG, AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2/_EKS).
 */
export const liveFlags = {
  cluster: Flags.string({description: 'EKS cluster name (else guessed from the kubeconfig context\'s ARN).', helpGroup: 'SOURCE'}),
  context: Flags.string({description: 'kubeconfig context (else the current context).', helpGroup: 'SOURCE'}),
  'from-dir': Flags.string({
    description: 'Read a snapshot taken with `vpccni snapshot` instead of the network.',
    // A snapshot already fixed the cluster, region and profile: a flag that names another would be ignored without a word.
    exclusive: ['cluster', 'context', 'kubeconfig', 'profile', 'region'],
    helpGroup: 'SOURCE',
  }),
  kubeconfig: Flags.string({description: 'Path to the kubeconfig (else KUBECONFIG, then ~/.kube/config).', helpGroup: 'SOURCE'}),
  profile: Flags.string({description: 'AWS profile (else AWS_PROFILE).', helpGroup: 'SOURCE'}),
  region: Flags.string({description: 'AWS region (else AWS_REGION, or the profile\'s).', helpGroup: 'SOURCE'}),
  'request-timeout': Flags.integer({
    default: 30,
    description: 'Seconds one call to Kubernetes, EC2 or EKS may wait for an answer, retries included (README: how --request-timeout bounds a command).',
    helpGroup: 'SOURCE',
    max: MAX_REQUEST_TIMEOUT_S,
    min: 1,
  }),
}
