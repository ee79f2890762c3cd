import type {DoctorNodeGroup} from '../../core/doctor/cluster-objects.js'

/** Plain, JSON-ready views of what EKS reports; absent values are null so snapshots keep every key. */

/**
 * An EKS answer, or a note saying why there is none. EKS is optional: self-managed installs and
 * other distributions have no EKS API, so no access is something to report, not a failure.
 */
export type EksAnswer<T> =
  /** notFound: EKS has no such cluster (ResourceNotFoundException): a wrong name, region or account, not a missing grant. */
  | {available: false; call: string; hint: null | string; notFound?: true; permission: null | string; reason: string}
  | {available: true; call: string; value: T}

export interface EksCluster {
  arn: null | string
  endpoint: null | string
  ipFamily: null | string
  /** `health.issues`: IP_NOT_AVAILABLE, SUBNET_NOT_FOUND, ... (absent from snapshots taken before vpccni read it). */
  issues?: EksAddonIssue[]
  kubernetesVersion: null | string
  name: string
  platformVersion: null | string
  securityGroupIds: string[]
  serviceIpv4Cidr: null | string
  status: null | string
  subnetIds: string[]
  tags: Record<string, string>
  vpcId: null | string
}

export interface EksAddonIssue {
  code: null | string
  message: null | string
  resourceIds: string[]
}

export interface EksAddon {
  addonName: string
  addonVersion: null | string
  clusterName: null | string
  /** The JSON (or YAML) string EKS applies over the add-on's defaults; null when none was given. */
  configurationValues: null | string
  createdAt: null | string
  issues: EksAddonIssue[]
  modifiedAt: null | string
  /** EKS Pod Identity association ARNs the add-on was given. */
  podIdentityAssociations: string[]
  serviceAccountRoleArn: null | string
  status: null | string
}

export interface EksAddonCompatibility {
  clusterVersion: null | string
  /** Whether EKS installs this version by default on that Kubernetes version. */
  defaultVersion: boolean
  platformVersions: string[]
}

export interface EksAddonVersion {
  addonName: string
  addonVersion: string
  architectures: string[]
  compatibilities: EksAddonCompatibility[]
  computeTypes: string[]
  requiresConfiguration: boolean
  requiresIamPermissions: boolean
}

export interface EksAddonConfiguration {
  addonName: string
  addonVersion: string
  /** The JSON schema `configurationValues` must satisfy, as the string EKS returns. */
  configurationSchema: null | string
}

/** An EKS managed node group (DescribeNodegroup): its nodes carry the label `eks.amazonaws.com/nodegroup`. */
export interface EksNodegroup extends DoctorNodeGroup {
  capacityType: null | string
  /** Kubernetes labels the group puts on its nodes (`eks.amazonaws.com/nodegroup` is always there). */
  labels: Record<string, string>
  status: null | string
}
