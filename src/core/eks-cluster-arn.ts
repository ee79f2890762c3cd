/** An EKS cluster named by its ARN, as `aws eks update-kubeconfig` names contexts and clusters. */
export interface EksClusterRef {
  accountId: string
  clusterName: string
  partition: string
  region: string
}

/**
 * What EKS takes as a cluster name (CreateCluster API reference): letters, digits, hyphens and underscores, starting with
 * a letter or digit, at most 100 characters.
 */
export const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/

const CLUSTER_ARN = /^arn:(aws[a-z-]*):eks:([a-z0-9-]+):(\d{12}):cluster\/([0-9A-Za-z][A-Za-z0-9_-]*)$/

/** Parses `arn:aws:eks:REGION:ACCOUNT:cluster/NAME`; undefined for anything else. */
export function parseEksClusterArn(arn: string | undefined): EksClusterRef | undefined {
  const match = CLUSTER_ARN.exec(arn?.trim() ?? '')
  return match ? {accountId: match[3], clusterName: match[4], partition: match[1], region: match[2]} : undefined
}

/** The AWS account of the first of NAMES that is an EKS cluster ARN. */
export const accountOf = (names: Array<null | string | undefined>): null | string =>
  names.map((name) => parseEksClusterArn(name ?? undefined)).find(Boolean)?.accountId ?? null

// eksctl names kubeconfig clusters NAME.REGION.eksctl.io and contexts USER@NAME.REGION.eksctl.io.
const EKSCTL_NAME = /^(?:[^@]+@)?([0-9A-Za-z][A-Za-z0-9-]*)\.([a-z]{2}(?:-[a-z]+)+-\d)\.eksctl\.io$/

/** The cluster to ask EKS about and its region, if any. */
export interface EksClusterChoice {
  clusterName: string
  region?: string
  /** Where the name came from, for messages. */
  source: 'flag' | 'kubeconfig'
}

/**
 * Chooses the EKS cluster name from `--cluster`, else from the kubeconfig context's names (context name,
 * its cluster entry): ARNs when written by `aws eks update-kubeconfig`, `NAME.REGION.eksctl.io` by eksctl.
 */
export function chooseEksCluster(flag: string | undefined, kubeconfigNames: Array<string | undefined>): EksClusterChoice | undefined {
  if (flag) return {clusterName: flag, source: 'flag'}
  for (const name of kubeconfigNames) {
    const ref = parseEksClusterArn(name)
    if (ref) return {clusterName: ref.clusterName, region: ref.region, source: 'kubeconfig'}
    const eksctl = EKSCTL_NAME.exec(name ?? '')
    if (eksctl) return {clusterName: eksctl[1], region: eksctl[2], source: 'kubeconfig'}
  }

  return undefined
}
