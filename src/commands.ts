import Diff from './commands/diff.js'
import MaxPods from './commands/max-pods.js'

/** oclif's explicit command strategy: the bundle cannot scan a commands folder. */
export const COMMANDS = {
  diff: Diff,
  'max-pods': MaxPods,
}
