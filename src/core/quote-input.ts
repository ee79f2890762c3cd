import {escapeControls} from './one-line.js'

/** Longest piece of a user's value an error message repeats: enough to recognise it, never a wall of text. */
export const QUOTED_INPUT_MAX = 40

/**
 * A value the user gave, quoted for a one-line message: cut to QUOTED_INPUT_MAX characters (saying how long it
 * was), with control characters, line breaks and undecodable bytes escaped so a terminal never sees them raw.
 */
export function quoteInput(value: string, max = QUOTED_INPUT_MAX): string {
  const chars = [...value]
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value
  const quoted = `"${escapeControls(cut.replaceAll('\\', '\\\\').replaceAll('"', '\\"'))}"`
  return chars.length > max ? `${quoted} (${chars.length} characters)` : quoted
}
