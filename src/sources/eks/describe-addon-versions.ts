import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAddonVersion, EksAnswer} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

export interface AddonVersionsQuery {
  addonName?: string
  /** Only versions compatible with this Kubernetes version (`1.31`). */
  kubernetesVersion?: string
}

/** DescribeAddonVersions for the VPC CNI, every page, versions as EKS lists them. */
export async function describeAddonVersions(options: AwsOptions, query: AddonVersionsQuery = {}): Promise<EksAnswer<EksAddonVersion[]>> {
  const addonName = query.addonName ?? 'vpc-cni'
  return runEksCall(options, 'eks:DescribeAddonVersions', async (sdk, client, deadline) => {
    const versions: EksAddonVersion[] = []
    const pages = sdk.paginateDescribeAddonVersions({client}, {addonName, kubernetesVersion: query.kubernetesVersion}, {abortSignal: deadline.signal})
    for await (const page of pages) {
      deadline.renew()
      for (const info of page.addons ?? []) {
        for (const version of info.addonVersions ?? []) {
          versions.push({
            addonName: info.addonName ?? addonName,
            addonVersion: version.addonVersion ?? '',
            architectures: version.architecture ?? [],
            compatibilities: (version.compatibilities ?? []).map((c) => ({
              clusterVersion: c.clusterVersion ?? null,
              defaultVersion: c.defaultVersion ?? false,
              platformVersions: c.platformVersions ?? [],
            })),
            computeTypes: version.computeTypes ?? [],
            requiresConfiguration: version.requiresConfiguration ?? false,
            requiresIamPermissions: version.requiresIamPermissions ?? false,
          })
        }
      }
    }

    return versions
  })
}
