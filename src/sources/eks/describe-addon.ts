import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAddon, EksAnswer} from './eks-types.js'
import {isoOrNull, runEksCall} from './run-eks-call.js'

/**
 * DescribeAddon for the VPC CNI. The value is null when the cluster exists but has no such EKS add-on:
 * the CNI is then self-managed (installed from the manifest or Helm), which is a fact, not an error.
 */
export async function describeAddon(options: AwsOptions, clusterName: string, addonName = 'vpc-cni'): Promise<EksAnswer<EksAddon | null>> {
  return runEksCall(options, 'eks:DescribeAddon', async (sdk, client, deadline) => {
    try {
      const {addon} = await client.send(new sdk.DescribeAddonCommand({addonName, clusterName}), {abortSignal: deadline.signal})
      return {
        addonName: addon?.addonName ?? addonName,
        addonVersion: addon?.addonVersion ?? null,
        clusterName: addon?.clusterName ?? clusterName,
        configurationValues: addon?.configurationValues ?? null,
        createdAt: isoOrNull(addon?.createdAt),
        issues: (addon?.health?.issues ?? []).map((issue) => ({
          code: issue.code ?? null,
          message: issue.message ?? null,
          resourceIds: issue.resourceIds ?? [],
        })),
        modifiedAt: isoOrNull(addon?.modifiedAt),
        podIdentityAssociations: addon?.podIdentityAssociations ?? [],
        serviceAccountRoleArn: addon?.serviceAccountRoleArn ?? null,
        status: addon?.status ?? null,
      }
    } catch (error) {
      // EKS answers ResourceNotFoundException for both a missing cluster and a missing add-on; only the latter names the add-on.
      const e = error as {addonName?: string; message?: string; name?: string}
      if (e.name === 'ResourceNotFoundException' && (e.addonName || /addon/i.test(e.message ?? ''))) return null
      throw error
    }
  })
}
