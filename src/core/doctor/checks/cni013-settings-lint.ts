import type {CheckFinding, CheckInput} from '../check.js'
import {clusterLintReport, LINTS_OWNED_ELSEWHERE, notCompared} from '../cluster-diff.js'
import {AWS_NODE_DAEMONSET} from '../health-helpers.js'

/**
 * CNI013: the diff engine's lints of the aws-node settings (unknown variables, wrong types, variables newer than the
 * running release, WARM_IP_TARGET without MINIMUM_IP_TARGET, target-0 loops), each at the lint's own severity.
 * Lints about a mode another check covers (custom networking, network policy, IPv6) are reported there.
 */
export function checkSettingsLint(input: CheckInput<'awsNode', 'cniConfigMap' | 'eniConfigs'>): CheckFinding[] {
  const {awsNode} = input.reads
  if (!awsNode) return []
  const report = clusterLintReport({...input.reads, awsNode}, input.facts)
  if ('reason' in report) return [notCompared(report.reason)]
  return report.lint
    .filter((lint) => !(lint.id in LINTS_OWNED_ELSEWHERE))
    .map((lint) => ({
      evidence: {lint: lint.id, path: lint.path ?? null, release: report.running, suggestions: lint.suggestions ?? []},
      message: lint.message,
      remedy: lint.suggestions?.length
        ? `did you mean ${lint.suggestions.join(' or ')}? fix the variable (vpccni diff shows where it is set)`
        : 'change the setting as the message says; vpccni warm-targets suggests warm-pool values',
      resource: AWS_NODE_DAEMONSET,
      severity: lint.severity,
    }))
}
