import type {Change, Remedy} from '../../diff/diff-report.js'
import type {CheckFinding, CheckInput} from '../check.js'
import {clusterDiff, notCompared} from '../cluster-diff.js'
import {AWS_NODE_DAEMONSET} from '../health-helpers.js'

const shown = (value: unknown): string => (value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value))

/**
 * CNI012: changes to the managed add-on's aws-node that EKS's next apply contests (a conflict, or overwritten) or
 * restores, by the diff engine's ownership rules; an undetermined change is info. A self-managed install has none.
 */
export function checkAddonDrift(input: CheckInput<'awsNode', 'addon' | 'addonConfiguration'>): CheckFinding[] {
  const {awsNode} = input.reads
  if (!awsNode) return []
  const diff = clusterDiff({...input.reads, awsNode}, input.facts)
  if ('reason' in diff) return [notCompared(diff.reason)]
  const {report} = diff
  return report.changes
    .filter((c) => c.effect === 'contested' || c.effect === 'restored' || c.effect === 'undetermined')
    .map((change) => finding(change, remedyFor(change, report.remedy), report.cniVersion.running))
}

/**
 * Diff's own remedy for one change: why configurationValues cannot carry it (an image follows the add-on version, a key
 * the schema lacks, ...), else the command that keeps it; a change diff's remedy leaves out gets the general advice.
 */
function remedyFor(change: Change, remedy: null | Remedy): string {
  const refused = remedy?.notSettable.find((n) => n.path === change.path)
  if (refused) return `configurationValues cannot carry it: ${refused.reason}`
  if (remedy?.command) return `keep it through the add-on instead: ${remedy.command}`
  return 'set it through the add-on\'s configurationValues if its schema has the key, else undo the edit (vpccni diff shows each change)'
}

function finding(change: Change, remedy: string, running: string): CheckFinding {
  const what = change.effect === 'contested'
    ? 'EKS contests it on its next apply (OVERWRITE puts its value back, NONE fails with a conflict)'
    : change.effect === 'restored' ? 'EKS puts the release value back on its next apply' : 'EKS may keep or restore it: the input cannot tell'
  return {
    evidence: {
      current: shown(change.current), default: shown(change.default), effect: change.effect, kind: change.kind, managers: change.managers,
      owner: change.owner, path: change.path, release: running,
    },
    message: `${change.path} is ${shown(change.current)} (release ${running}: ${shown(change.default)}): ${what}`,
    remedy,
    resource: AWS_NODE_DAEMONSET,
    severity: change.effect === 'undetermined' ? 'info' : 'warning',
  }
}
