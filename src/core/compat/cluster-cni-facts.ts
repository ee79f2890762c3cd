/** How the VPC CNI is installed: the EKS managed add-on, or the self-managed manifest / Helm chart. */
export type InstallKind = 'managed' | 'self-managed'

/**
 * What compat and upgrade-plan need to know about a cluster, as plain values. Today the flags supply them;
 * a live source (aws-node image tag, API server version, EKS DescribeAddon / DescribeAddonVersions) can fill the same shape.
 */
export interface ClusterCniFacts {
  /** vpc-cni add-on versions EKS offers for this cluster, e.g. `v1.19.2-eksbuild.1`, when known. */
  addonVersions?: string[]
  cniVersion: string
  /** Absent when the install kind is unknown. */
  installKind?: InstallKind
  kubernetesVersion?: string
}
