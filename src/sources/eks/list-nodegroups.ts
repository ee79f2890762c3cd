import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAnswer, EksNodegroup} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

/** DescribeNodegroup calls in flight at once: a cluster has tens of node groups, and EKS throttles bursts. */
const PARALLEL = 8

/**
 * Every managed node group of the cluster (ListNodegroups, every page, then DescribeNodegroup for each): scaling
 * config, instance types, labels, subnets and health issues. Requests grow with node groups, never with nodes.
 * Self-managed groups (ASGs outside EKS) and Karpenter nodes are not EKS node groups.
 */
export async function listNodegroups(options: AwsOptions, clusterName: string): Promise<EksAnswer<EksNodegroup[]>> {
  // Two calls, each named on its own: a refusal names the permission that is missing.
  const listed = await runEksCall(options, 'eks:ListNodegroups', async (sdk, client, deadline) => {
    const names: string[] = []
    for await (const page of sdk.paginateListNodegroups({client}, {clusterName, maxResults: 100}, {abortSignal: deadline.signal})) {
      deadline.renew()
      names.push(...(page.nodegroups ?? []))
    }

    return names
  })
  if (!listed.available) return listed
  const names = listed.value
  return runEksCall(options, 'eks:DescribeNodegroup', async (sdk, client, deadline) => {
    const groups: EksNodegroup[] = []
    for (let i = 0; i < names.length; i += PARALLEL) {
      const batch = names.slice(i, i + PARALLEL)
      const answers = await Promise.all(
        batch.map((nodegroupName) => client.send(new sdk.DescribeNodegroupCommand({clusterName, nodegroupName}), {abortSignal: deadline.signal})),
      )
      deadline.renew()
      for (const [j, {nodegroup: g}] of answers.entries()) {
        groups.push({
          capacityType: g?.capacityType ?? null,
          instanceTypes: g?.instanceTypes ?? [],
          issues: (g?.health?.issues ?? []).map((issue) => ({code: issue.code ?? null, message: issue.message ?? null, resourceIds: issue.resourceIds ?? []})),
          labels: g?.labels ?? {},
          name: g?.nodegroupName ?? batch[j],
          scaling: {desiredSize: g?.scalingConfig?.desiredSize ?? null, maxSize: g?.scalingConfig?.maxSize ?? null, minSize: g?.scalingConfig?.minSize ?? null},
          status: g?.status ?? null,
          subnetIds: g?.subnets ?? [],
        })
      }
    }

    return groups.sort((a, b) => a.name.localeCompare(b.name))
  })
}
