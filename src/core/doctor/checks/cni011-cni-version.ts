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

/** The rules that all say "this release is too old for this Kubernetes": one problem, so one finding. */
const VERSION_FLOORS = new Set(['eks-recommended', 'k8s-1.26-needs-1.12', 'kubernetes-minimum', 'pre-cluster-upgrade-1.8'])

/**
 * Below the oldest or the EKS-recommended release is a warning (docs/doctor-checks.md: below recommended → W); a release
 * that crashes or breaks on this Kubernetes (the compat engine's other errors) is an error.
 */
const RECOMMENDATIONS = new Set(['eks-recommended', 'kubernetes-minimum', 'pre-cluster-upgrade-1.8'])

type Reason = CompatReport['reasons'][number]

/**
 * CNI011: the running CNI (aws-node image tag) against the control plane's Kubernetes version, by the compat engine.
 * Every floor it is below makes one finding (an error when one says the release breaks here, else a warning); each known
 * regression is its own finding.
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

  const said = report.reasons.filter((reason) => !NOT_ABOUT_THE_CLUSTER.has(reason.rule) && (reason.severity !== 'info' || DATA_COVERAGE.has(reason.rule)))
  const floors = said.filter((reason) => VERSION_FLOORS.has(reason.rule))
  const graded = (reason: Reason): Reason['severity'] => (DATA_COVERAGE.has(reason.rule) ? 'info' : RECOMMENDATIONS.has(reason.rule) && reason.severity === 'error' ? 'warning' : reason.severity)
  const groups: Reason[][] = [...(floors.length > 0 ? [floors] : []), ...said.filter((reason) => !VERSION_FLOORS.has(reason.rule)).map((reason) => [reason])]
  return groups.map((reasons) => {
    const severity = reasons.some((r) => graded(r) === 'error') ? 'error' : reasons.some((r) => graded(r) === 'warning') ? 'warning' : 'info'
    // The crash first: it is why the finding is an error.
    const ordered = [...reasons].sort((a, b) => Number(graded(b) === 'error') - Number(graded(a) === 'error'))
    return {
      evidence: {
        cniVersion: report.cniVersion, kubernetesVersion: report.kubernetesVersion, minimumCni: report.minimumCni, recommendedAddon: report.recommendedAddon,
        rule: ordered[0].rule, rules: ordered.map((r) => r.rule), source: [...new Set(ordered.map((r) => r.source))].join('; '),
      },
      message: ordered.map((r) => r.message.replace(/: see vpccni upgrade-plan .*$/, '')).join('; '),
      remedy: severity === 'error'
        ? `upgrade the VPC CNI now: vpccni upgrade-plan --from ${report.cniVersion} gives the steps`
        : `plan an upgrade: vpccni upgrade-plan --from ${report.cniVersion}`,
      resource: AWS_NODE_DAEMONSET,
      severity,
    }
  })
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
