import Compat from './commands/compat.js'
import Diff from './commands/diff.js'
import MaxPods from './commands/max-pods.js'
import UpgradePlan from './commands/upgrade-plan.js'

/** oclif's explicit command strategy: the bundle cannot scan a commands folder. */
export const COMMANDS = {
  compat: Compat,
  diff: Diff,
  'max-pods': MaxPods,
  'upgrade-plan': UpgradePlan,
}
