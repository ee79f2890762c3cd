import type {AwsOptions} from '../aws/aws-options.js'
import type {EksAnswer, EksCluster} from './eks-types.js'
import {runEksCall} from './run-eks-call.js'

/** DescribeCluster: the cluster's Kubernetes version, VPC and network settings. */
export async function describeCluster(options: AwsOptions, clusterName: string): Promise<EksAnswer<EksCluster>> {
  return runEksCall(options, 'eks:DescribeCluster', async (sdk, client, deadline) => {
    const {cluster} = await client.send(new sdk.DescribeClusterCommand({name: clusterName}), {abortSignal: deadline.signal})
    const vpc = cluster?.resourcesVpcConfig
    const network = cluster?.kubernetesNetworkConfig
    return {
      arn: cluster?.arn ?? null,
      endpoint: cluster?.endpoint ?? null,
      ipFamily: network?.ipFamily ?? null,
      issues: (cluster?.health?.issues ?? []).map((issue) => ({code: issue.code ?? null, message: issue.message ?? null, resourceIds: issue.resourceIds ?? []})),
      kubernetesVersion: cluster?.version ?? null,
      name: cluster?.name ?? clusterName,
      platformVersion: cluster?.platformVersion ?? null,
      securityGroupIds: [...(vpc?.securityGroupIds ?? []), ...(vpc?.clusterSecurityGroupId ? [vpc.clusterSecurityGroupId] : [])],
      serviceIpv4Cidr: network?.serviceIpv4Cidr ?? null,
      status: cluster?.status ?? null,
      subnetIds: vpc?.subnetIds ?? [],
      tags: cluster?.tags ?? {},
      vpcId: vpc?.vpcId ?? null,
    }
  })
}
