import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAnswer, EksNodeGroup} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

/** DescribeNodegroup calls in flight at once: a cluster has tens of node groups, not thousands. */
const PARALLEL = 8

/**
 * Every managed node group of the cluster with its scaling config (ListNodegroups, then DescribeNodegroup for each):
 * requests grow with node groups, never with nodes. Self-managed groups and Karpenter are not EKS node groups.
 */
export async function describeNodegroups(options: AwsOptions, clusterName: string): Promise<EksAnswer<EksNodeGroup[]>> {
  // Two calls, each named on its own: a refusal names the permission that is missing.
  const listed = await runEksCall(options, 'eks:ListNodegroups', async (sdk, client) => {
    const names: string[] = []
    for await (const page of sdk.paginateListNodegroups({client}, {clusterName, maxResults: 100})) names.push(...(page.nodegroups ?? []))
    return names
  })
  if (!listed.available) return listed
  const names = listed.value
  return runEksCall(options, 'eks:DescribeNodegroup', async (sdk, client) => {
    const groups: EksNodeGroup[] = []
    for (let i = 0; i < names.length; i += PARALLEL) {
      const answers = await Promise.all(
        names.slice(i, i + PARALLEL).map((nodegroupName) => client.send(new sdk.DescribeNodegroupCommand({clusterName, nodegroupName}))),
      )
      for (const {nodegroup: g} of answers) {
        groups.push({
          capacityType: g?.capacityType ?? null,
          instanceTypes: g?.instanceTypes ?? [],
          issues: (g?.health?.issues ?? []).map((issue) => ({code: issue.code ?? null, message: issue.message ?? null, resourceIds: issue.resourceIds ?? []})),
          name: g?.nodegroupName ?? '',
          scaling: {desiredSize: g?.scalingConfig?.desiredSize ?? null, maxSize: g?.scalingConfig?.maxSize ?? null, minSize: g?.scalingConfig?.minSize ?? null},
          status: g?.status ?? null,
          subnetIds: g?.subnets ?? [],
        })
      }
    }

    return groups.sort((a, b) => a.name.localeCompare(b.name))
  })
}
