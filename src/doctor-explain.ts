import * as Flags from '@oclif/core/flags'

import type {CheckDoc} from './core/doctor/check-doc.js'
import {UserError} from './errors.js'
import {createStyle} from './output/style.js'

/** `doctor --explain ID`: a check's documentation, from the copy of docs/checks.md built into vpccni. */
export const explainFlag = {
  explain: Flags.string({
    description: "Print check ID's documentation (its docs/checks.md section, built into vpccni) and exit; reads no cluster.",
    // It reads no cluster and runs no check: a flag that names one, or chooses checks, would be ignored without a word.
    exclusive: ['all-contexts', 'cluster', 'context', 'from-dir', 'kubeconfig', 'only', 'output-file', 'profile', 'push-gateway', 'region', 'severity', 'skip'],
    helpGroup: 'OUTPUT',
  }),
}

interface Explain {
  /** `--output`: text (wrapped to WIDTH), markdown or json. */
  output: string
  json: boolean
  log: (text: string) => void
  useColor: boolean
  width: number | undefined
}

/** Prints the section of check ID (an unknown ID is bad input with the nearest IDs) and returns it for --json. */
export async function explainCheck(id: string, explain: Explain): Promise<CheckDoc & {schemaVersion: 1}> {
  const [{CHECK_DOCS}, {parseCheckIds}] = await Promise.all([import('./data/check-docs.generated.js'), import('./core/doctor/select-checks.js')])
  const [known] = parseCheckIds('--explain', [id], Object.keys(CHECK_DOCS))
  if (known === undefined) throw new UserError('--explain expects a check ID', {hint: 'e.g. vpccni doctor --explain CNI004'})
  const doc = CHECK_DOCS[known]
  if (!explain.json) {
    const {checkDocMarkdown, renderCheckDoc} = await import('./output/check-doc-view.js')
    if (explain.output === 'markdown') explain.log(checkDocMarkdown(doc, 1).trimEnd())
    else if (explain.output === 'text') explain.log(renderCheckDoc(doc, await createStyle(explain.useColor), explain.width ?? 80))
    else throw new UserError(`--explain prints text, markdown or json, not --output ${explain.output}`)
  }

  return {schemaVersion: 1, ...doc}
}
