import type {ReleaseKnowledge} from './release-knowledge.js'

/** error: incompatible; warning: works but needs attention; info: a fact checked and met. */
export type Severity = 'error' | 'info' | 'warning'

/** One finding of a compatibility check, citing the rule that produced it and that rule's source. */
export interface CompatReason {
  message: string
  rule: string
  severity: Severity
  source: string
}

/** The source of a documented upgrade rule, by its id in the release data. */
export function ruleSource(id: string, knowledge: ReleaseKnowledge): string {
  return knowledge.rules.find((r) => r.id === id)?.source ?? 'vpccni release data'
}
