/** Control characters, C1 controls, line separators and the replacement character (an undecodable byte) as \uXXXX. */
export function escapeControls(text: string): string {
  return text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFD]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
}

/** Longest piece of another program's message (a parser, an exec plugin) an error line repeats. */
const ONE_LINE_MAX = 200

/**
 * Another program's message as part of one error line: what comes before its first blank line (the yaml parser
 * follows it with a code frame of the input), its lines joined, raw bytes escaped, and cut to a readable length.
 */
export function oneLine(message: string, max = ONE_LINE_MAX): string {
  const [head] = message.trim().split(/\r?\n\s*\r?\n/)
  const joined = escapeControls(head.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(' '))
  const chars = [...joined]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : joined
}
