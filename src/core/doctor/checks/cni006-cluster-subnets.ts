import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorHealthIssue} from '../cluster-objects.js'

/** EKS needs at least 6 free addresses in each cluster subnet for control-plane ENIs, and recommends 16 (EKS user guide). */
export const CLUSTER_SUBNET_MINIMUM = 6
export const CLUSTER_SUBNET_RECOMMENDED = 16

/** EKS health issue codes that say the same from EKS's side. */
const ISSUE_CODES = new Set(['InsufficientFreeAddresses', 'IP_NOT_AVAILABLE'])

/**
 * CNI006: the cluster's own subnets (DescribeCluster resourcesVpcConfig.subnetIds) against the free addresses EKS needs
 * for its control-plane ENIs (an upgrade creates new ones), and EKS's own IP_NOT_AVAILABLE / InsufficientFreeAddresses issues.
 */
export function checkClusterSubnets(input: CheckInput<'eksCluster' | 'subnets', 'nodeGroups'>): CheckFinding[] {
  const {eksCluster, nodeGroups = [], subnets} = input.reads
  const byId = new Map(subnets.map((s) => [s.subnetId, s]))
  const findings: CheckFinding[] = []
  for (const subnetId of [...eksCluster.subnetIds].sort()) {
    const free = byId.get(subnetId)?.availableIpAddressCount
    if (free === undefined || free === null || free >= CLUSTER_SUBNET_RECOMMENDED) continue
    const error = free < CLUSTER_SUBNET_MINIMUM
    findings.push({
      evidence: {availabilityZone: byId.get(subnetId)!.availabilityZone, availableIpAddressCount: free, minimum: CLUSTER_SUBNET_MINIMUM, recommended: CLUSTER_SUBNET_RECOMMENDED},
      message: `cluster subnet has ${free} free address${free === 1 ? '' : 'es'}: EKS needs ${CLUSTER_SUBNET_MINIMUM} for control-plane ENIs${error ? ' (cluster upgrades will fail)' : ` and recommends ${CLUSTER_SUBNET_RECOMMENDED}`}`,
      remedy: 'free addresses in the subnet, or give the cluster other subnets (aws eks update-cluster-config --resources-vpc-config subnetIds=...)',
      resource: {kind: 'Subnet', name: subnetId},
      severity: error ? 'error' : 'warning',
    })
  }

  const issues: Array<[string, DoctorHealthIssue]> = [
    ...(eksCluster.issues ?? []).map((issue): [string, DoctorHealthIssue] => [`Cluster/${eksCluster.name}`, issue]),
    ...nodeGroups.flatMap((g) => g.issues.map((issue): [string, DoctorHealthIssue] => [`NodeGroup/${g.name}`, issue])),
  ]
  for (const [owner, issue] of issues.filter(([, i]) => ISSUE_CODES.has(i.code ?? ''))) {
    const [kind, name] = owner.split('/')
    findings.push({
      evidence: {code: issue.code, resourceIds: issue.resourceIds},
      message: `EKS reports ${issue.code}: ${issue.message ?? 'no free addresses'}`,
      remedy: 'free addresses in the named subnets or add subnets to the cluster or node group',
      resource: {kind, name},
      severity: 'error',
    })
  }

  return findings
}
