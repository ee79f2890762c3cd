import type {CheckDoc} from '../core/doctor/check-doc.js'
import type {Style} from './style.js'
import {wrapText} from './wrap-text.js'

/** Inline Markdown as plain text: emphasis marks dropped; code spans keep their backticks, as plain-text docs write them. */
const plain = (text: string): string => text.replaceAll('**', '')

/** The section as docs/checks.md has it (its heading at LEVEL), for SARIF `help.markdown` and `--explain --output markdown`. */
export function checkDocMarkdown(doc: CheckDoc, level = 3): string {
  return [`${'#'.repeat(level)} ${doc.heading}`, '', ...doc.parts.map((p) => `- **${p.label}.** ${p.text}`), ''].join('\n')
}

/** The section as plain text, one paragraph per part, unwrapped: SARIF `help.text`, shown where Markdown is not. */
export function checkDocText(doc: CheckDoc): string {
  return [plain(doc.heading), ...doc.parts.map((p) => `${p.label}. ${plain(p.text)}`)].join('\n\n')
}

/** `doctor --explain ID` for people: the heading, then each part under its label, wrapped to WIDTH. */
export function renderCheckDoc(doc: CheckDoc, style: Style, width: number): string {
  const lines = wrapText(plain(doc.heading), width, '  ', '').map((line) => style.bold(line))
  for (const part of doc.parts) lines.push('', style.bold(part.label), ...wrapText(plain(part.text), width, '  '))
  return lines.join('\n')
}
