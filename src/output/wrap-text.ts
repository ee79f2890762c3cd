import {wrapText as wrapToWidth} from './fit-columns.js'

/**
 * Words of TEXT on lines of at most WIDTH characters, each after INDENT (the first after FIRSTINDENT). A word longer
 * than a line (a field path, an image reference, a JSON value) is broken at a separator, so every line fits.
 */
export function wrapText(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const words = text.split(/\s+/).filter(Boolean).join(' ')
  const room = Math.max(20, width - Math.max(indent.length, firstIndent.length))
  return wrapToWidth(words, room).map((line, i) => `${i === 0 ? firstIndent : indent}${line}`)
}
