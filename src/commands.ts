import IpamdSimulate from './commands/ipamd/simulate.js'
import MaxPods from './commands/max-pods.js'
import WarmTargets from './commands/warm-targets.js'

/** oclif's explicit command strategy: the bundle cannot scan a commands folder. */
export const COMMANDS = {
  'ipamd:simulate': IpamdSimulate,
  'max-pods': MaxPods,
  'warm-targets': WarmTargets,
}
