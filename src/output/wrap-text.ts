import {wrapProse} from './fit-columns.js'

/**
 * Words of TEXT on lines of at most WIDTH characters, each after INDENT (the first after FIRSTINDENT), its whitespace
 * runs (line breaks too) as single spaces. A word longer than a line (a field path, an image reference, a JSON value)
 * is broken at a separator, so every line fits.
 */
export function wrapText(text: string, width: number, indent: string, firstIndent = indent): string[] {
  return wrapProse(text.split(/\s+/).filter(Boolean).join(' '), firstIndent, width, indent)
}
