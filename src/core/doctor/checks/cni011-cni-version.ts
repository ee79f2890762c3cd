import {type CompatReport, evaluateCompat} from '../../compat/evaluate-compat.js'
import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import {AWS_NODE_DAEMONSET} from '../health-helpers.js'

/**
 * A Kubernetes version newer than vpccni's tables is said as info (the verdict borrows the newest row), never a warning on
 * a healthy cluster. A CNI newer than the release data is not said: the floors still apply, and the latest manifest
 * (a patch past the newest tag) would otherwise give every healthy cluster a note about vpccni's own data.
 */
const DATA_COVERAGE = new Set(['kubernetes-newer-than-data'])
const NOT_ABOUT_THE_CLUSTER = new Set(['cni-newer-than-data'])

/**
 * CNI011: the running CNI (aws-node image tag) against the control plane's Kubernetes version, by the compat engine:
 * its errors (below the minimum, known-broken releases) are errors, its warnings (below the EKS-recommended add-on,
 * known regressions) warnings.
 */
export function checkCniVersion(input: CheckInput<'awsNode' | 'serverVersion'>): CheckFinding[] {
  const {awsNode, serverVersion} = input.reads
  if (!awsNode) return []
  const cni = readAwsNodeSettings(awsNode, input.facts.envDefaults).cniVersion
  const kubernetesVersion = `${serverVersion.major}.${serverVersion.minor.replace(/\D+$/, '')}`
  if (!cni) return [unknownVersion(`the aws-node image tag names no CNI release (${awsNode.containers.find((c) => c.name === 'aws-node')?.image.split('/').at(-1)})`)]
  let report: CompatReport
  try {
    report = evaluateCompat({cniVersion: cni.text, kubernetesVersion}, input.facts.releases)
  } catch (error) {
    return [unknownVersion(`${cni.text} on Kubernetes ${kubernetesVersion}: ${(error as Error).message}`)]
  }

  return report.reasons
    .filter((reason) => !NOT_ABOUT_THE_CLUSTER.has(reason.rule) && (reason.severity !== 'info' || DATA_COVERAGE.has(reason.rule)))
    .map((reason) => ({
      evidence: {
        cniVersion: report.cniVersion, kubernetesVersion: report.kubernetesVersion, minimumCni: report.minimumCni, recommendedAddon: report.recommendedAddon,
        rule: reason.rule, source: reason.source,
      },
      message: reason.message,
      remedy: reason.severity === 'error'
        ? `upgrade the VPC CNI now: vpccni upgrade-plan --from ${report.cniVersion} gives the steps`
        : `plan an upgrade: vpccni upgrade-plan --from ${report.cniVersion}`,
      resource: AWS_NODE_DAEMONSET,
      severity: DATA_COVERAGE.has(reason.rule) ? 'info' : reason.severity,
    }))
}

function unknownVersion(why: string): CheckFinding {
  return {
    evidence: {why},
    message: `${why}: the CNI's compatibility could not be checked`,
    remedy: 'vpccni compat --cni-version vX.Y.Z with the version the image was built from',
    resource: AWS_NODE_DAEMONSET,
    severity: 'info',
  }
}
