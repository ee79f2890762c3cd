import type {Severity} from './check.js'

/**
 * One check's section of docs/checks.md, embedded at build time (src/data/check-docs.generated.ts): docs/ is not in the
 * npm package and the project has no public URL, so the documentation travels with the tool (`doctor --explain ID`, the
 * SARIF rule help, the pointers of the markdown and JUnit reports).
 */
export interface CheckDoc {
  /** The section's heading: "CNI004 Subnet runway (error or warning)". */
  heading: string
  id: string
  /** The five parts in their order (What it means, Why it matters, How it is detected, Remedy, Source), inline Markdown. */
  parts: Array<{label: string; text: string}>
  /** The grades the heading lists; the first is the check's default (the registry's `severity`). */
  severities: Severity[]
}

/** The command that prints a check's documentation wherever the report ends up. */
export const explainCommand = (id: string): string => `vpccni doctor --explain ${id}`
