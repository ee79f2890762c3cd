import type {EC2Client} from '@aws-sdk/client-ec2'

import {type AwsOptions, sdkClientConfig} from '../aws/aws-options.js'

let ec2: Promise<typeof import('@aws-sdk/client-ec2')> | undefined

/**
 * The SDK is loaded only here, on the code paths that talk to EC2: importing it costs ~0.8 s. Kept after the first
 * call: in the bundle each import() is a require() wrapped in a fresh copy of the module's ~5,000 exports (~2.6 ms),
 * which every EC2 call of every cluster of a fleet would pay again.
 */
export function loadEc2(): Promise<typeof import('@aws-sdk/client-ec2')> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  ec2 ??= import('@aws-sdk/client-ec2')
  return ec2
}

/** An EC2 client on the SDK's default chains (the kept one, with options.clients); the standard retry strategy handles throttling. */
export function createEc2Client(options: AwsOptions): Promise<EC2Client> {
  const create = async () => new (await loadEc2()).EC2Client(sdkClientConfig(options))
  return options.clients ? options.clients.client('ec2', options, create) : create()
}
