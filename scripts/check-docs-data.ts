/**
 * docs/checks.md as data: each check's section (heading, its grades, the five parts), and the generated module that
 * embeds them (src/data/check-docs.generated.ts). The build writes it before bundling (scripts/build.ts), and
 * test/data/check-docs.test.ts checks the committed file is what docs/checks.md gives.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import type {Severity} from '../src/core/doctor/check.js'
import type {CheckDoc} from '../src/core/doctor/check-doc.js'

export const PARTS = ['What it means', 'Why it matters', 'How it is detected', 'Remedy', 'Source'] as const

const ANCHOR = /^<a id="(cni\d{3})"><\/a>$/
const HEADING = /^### (CNI\d{3}) .+ \(((?:error|warning|info)(?:(?:, | or )(?:error|warning|info))*)\)$/
const PART = /^- \*\*([^*]+)\.\*\* (.*)$/

/** Every check section of the page, in page order; a section not in the page's form is an error naming it. */
export function parseCheckDocs(markdown: string): CheckDoc[] {
  const lines = markdown.split('\n')
  const docs: CheckDoc[] = []
  for (let i = 0; i < lines.length; i++) {
    const anchor = ANCHOR.exec(lines[i])
    if (!anchor) continue
    const heading = HEADING.exec(lines[i + 1] ?? '')
    if (!heading || heading[1].toLowerCase() !== anchor[1]) throw new Error(`docs/checks.md: the anchor ${anchor[1]} is not followed by "### ${anchor[1].toUpperCase()} TITLE (SEVERITIES)"`)
    const id = heading[1]
    const parts: CheckDoc['parts'] = []
    let j = i + 2
    for (; j < lines.length && !ANCHOR.test(lines[j]) && !lines[j].startsWith('## '); j++) {
      const part = PART.exec(lines[j])
      if (part) parts.push({label: part[1], text: part[2]})
      else if (lines[j].startsWith('  ') && parts.length > 0) parts.at(-1)!.text += ` ${lines[j].trim()}`
      else if (lines[j].trim() !== '') throw new Error(`docs/checks.md ${id}: line ${j + 1} is neither a part nor its continuation: ${lines[j]}`)
    }

    const labels = parts.map((p) => p.label)
    if (labels.join('|') !== PARTS.join('|')) throw new Error(`docs/checks.md ${id}: parts ${labels.join(', ')}; expected ${PARTS.join(', ')}`)
    const severities = heading[2].split(/, | or /) as Severity[]
    docs.push({heading: lines[i + 1].slice(4), id, parts, severities})
    i = j - 1
  }

  return docs
}

/** The generated module's text. */
export function renderCheckDocsModule(docs: CheckDoc[]): string {
  const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
  return [
    '// Generated from docs/checks.md by scripts/update-check-docs.ts (npm run build runs it); do not edit.',
    "import type {CheckDoc} from '../core/doctor/check-doc.js'",
    '',
    `export const CHECK_DOCS: Record<string, CheckDoc> = ${JSON.stringify(byId, null, 1)}`,
    '',
  ].join('\n')
}

export const CHECK_DOCS_MODULE = 'src/data/check-docs.generated.ts'

/** What the generated module holds for the project at ROOT's docs/checks.md. */
export const checkDocsModuleFor = (root: string): string => renderCheckDocsModule(parseCheckDocs(readFileSync(join(root, 'docs/checks.md'), 'utf8')))

/** Writes the generated module when docs/checks.md changed it; says whether it did. */
export function writeCheckDocsModule(root: string): boolean {
  const path = join(root, CHECK_DOCS_MODULE)
  const text = checkDocsModuleFor(root)
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false
  writeFileSync(path, text)
  return true
}
