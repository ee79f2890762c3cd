import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAnswer, EksNodegroup} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

/** DescribeNodegroup calls in flight at once: a cluster has a handful of groups, and EKS throttles bursts. */
const CONCURRENCY = 4

/**
 * ListNodegroups (every page), then DescribeNodegroup for each: the managed node groups with their scaling config,
 * instance types and subnets. Self-managed groups (ASGs outside EKS) are not listed: EKS does not know them.
 */
export async function listNodegroups(options: AwsOptions, clusterName: string): Promise<EksAnswer<EksNodegroup[]>> {
  return runEksCall(options, 'eks:ListNodegroups', async (sdk, client, deadline) => {
    const names: string[] = []
    for await (const page of sdk.paginateListNodegroups({client}, {clusterName}, {abortSignal: deadline.signal})) {
      deadline.renew()
      names.push(...(page.nodegroups ?? []))
    }
    const groups: EksNodegroup[] = []
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      const batch = names.slice(i, i + CONCURRENCY)
      const answers = await Promise.all(
        batch.map((nodegroupName) => client.send(new sdk.DescribeNodegroupCommand({clusterName, nodegroupName}), {abortSignal: deadline.signal})),
      )
      deadline.renew()
      for (const [j, {nodegroup}] of answers.entries()) {
        groups.push({
          capacityType: nodegroup?.capacityType ?? null,
          instanceTypes: nodegroup?.instanceTypes ?? [],
          labels: nodegroup?.labels ?? {},
          name: nodegroup?.nodegroupName ?? batch[j],
          scaling: {
            desiredSize: nodegroup?.scalingConfig?.desiredSize ?? null,
            maxSize: nodegroup?.scalingConfig?.maxSize ?? null,
            minSize: nodegroup?.scalingConfig?.minSize ?? null,
          },
          status: nodegroup?.status ?? null,
          subnetIds: nodegroup?.subnets ?? [],
        })
      }
    }

    return groups
  })
}
