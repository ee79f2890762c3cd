import Compat from './commands/compat.js'
import Diff from './commands/diff.js'
import Doctor from './commands/doctor.js'
import Help from './commands/help.js'
import IpamdDryRun from './commands/ipamd/dry-run.js'
import IpamdSimulate from './commands/ipamd/simulate.js'
import MaxPods from './commands/max-pods.js'
import Plan from './commands/plan.js'
import Snapshot from './commands/snapshot.js'
import UpgradePlan from './commands/upgrade-plan.js'
import WarmTargets from './commands/warm-targets.js'

/**
 * oclif's explicit command strategy: the bundle cannot scan a commands folder.
 * Topic commands use oclif's internal `topic:command` id; users type `vpccni ipamd simulate` (topicSeparator " ").
 */
export const COMMANDS = {
  compat: Compat,
  diff: Diff,
  doctor: Doctor,
  'ipamd:dry-run': IpamdDryRun,
  help: Help,
  'ipamd:simulate': IpamdSimulate,
  'max-pods': MaxPods,
  plan: Plan,
  snapshot: Snapshot,
  'upgrade-plan': UpgradePlan,
  'warm-targets': WarmTargets,
}
