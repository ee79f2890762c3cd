import type {CheckFinding, CheckInput} from '../check.js'
import type {DoctorAddon} from '../cluster-objects.js'
import {VPC_CNI_ADDON as ADDON} from '../health-helpers.js'

/** DescribeAddon statuses that mean EKS could not put the add-on in place or keep it healthy. */
const FAILED = new Set(['CREATE_FAILED', 'DEGRADED', 'DELETE_FAILED', 'UPDATE_FAILED'])

/**
 * CNI014: the managed vpc-cni add-on's own state: a failed or degraded status, and each health issue EKS reports
 * (code, message, the resources it names). A self-managed CNI has no add-on to check.
 */
export function checkAddonHealth(input: CheckInput<'addon'>): CheckFinding[] {
  const {addon} = input.reads
  if (!addon) return []
  const status = addon.status ?? 'unknown'
  if (addon.issues.length > 0) return addon.issues.map((issue) => issueFinding(addon, status, issue))
  if (!FAILED.has(status)) return []
  return [{
    evidence: {addonVersion: addon.addonVersion, issues: 0, status},
    message: `the vpc-cni add-on is ${status} (${addon.addonVersion ?? 'version unknown'}) and EKS names no health issue`,
    remedy: 'aws eks describe-addon --addon-name vpc-cni shows its status; a failed update is retried with aws eks update-addon --resolve-conflicts PRESERVE',
    resource: ADDON,
    severity: 'error',
  }]
}

function issueFinding(addon: DoctorAddon, status: string, issue: DoctorAddon['issues'][number]): CheckFinding {
  return {
    evidence: {addonVersion: addon.addonVersion, code: issue.code, resourceIds: issue.resourceIds, status},
    message: `the vpc-cni add-on (${status}) reports ${issue.code ?? 'an issue'}: ${issue.message ?? 'no message'}`,
    remedy: remedyOf(issue.code),
    resource: ADDON,
    severity: 'error',
  }
}

/** The EKS AddonIssue codes, each with what usually fixes it. */
function remedyOf(code: null | string): string {
  switch (code) {
    case 'ConfigurationConflict': {
      return 'a field EKS manages was changed in the cluster: update the add-on with --resolve-conflicts OVERWRITE or PRESERVE (vpccni diff shows the fields)'
    }

    case 'IAMRoleNotFound':
    case 'AccessDenied': {
      return 'the service account role the add-on names is missing or cannot be assumed: fix the role and its trust policy, then update the add-on'
    }

    case 'InsufficientNumberOfReplicas': {
      return 'aws-node pods are not running: see CNI010 and kubectl -n kube-system get pods -l k8s-app=aws-node'
    }

    default: {
      return 'aws eks describe-addon --addon-name vpc-cni lists the issue with the resources it concerns; fix them and update the add-on'
    }
  }
}
