import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAddonConfiguration, EksAnswer} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

/** DescribeAddonConfiguration: the JSON schema that `configurationValues` must satisfy for this exact add-on version. */
export async function describeAddonConfiguration(
  options: AwsOptions,
  addonVersion: string,
  addonName = 'vpc-cni',
): Promise<EksAnswer<EksAddonConfiguration>> {
  return runEksCall(options, 'eks:DescribeAddonConfiguration', async (sdk, client, deadline) => {
    const answer = await client.send(new sdk.DescribeAddonConfigurationCommand({addonName, addonVersion}), {abortSignal: deadline.signal})
    return {
      addonName: answer.addonName ?? addonName,
      addonVersion: answer.addonVersion ?? addonVersion,
      configurationSchema: answer.configurationSchema ?? null,
    }
  })
}
