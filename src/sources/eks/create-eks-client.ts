import type {EKSClient} from '@aws-sdk/client-eks'

import {type AwsOptions, sdkClientConfig} from '../aws/aws-options.js'

let eks: Promise<typeof import('@aws-sdk/client-eks')> | undefined

/** Loaded only on the code paths that ask EKS: the SDK costs ~0.8 s to import. Kept, as loadEc2 is, for every later call. */
export function loadEks(): Promise<typeof import('@aws-sdk/client-eks')> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  eks ??= import('@aws-sdk/client-eks')
  return eks
}

/**
 * An EKS client on the SDK's default chains (AWS_ENDPOINT_URL_EKS included; the kept one, with options.clients); the
 * standard retry strategy handles throttling.
 */
export function createEksClient(options: AwsOptions): Promise<EKSClient> {
  const create = async () => new (await loadEks()).EKSClient(sdkClientConfig(options))
  return options.clients ? options.clients.client('eks', options, create) : create()
}
