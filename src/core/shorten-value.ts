/** How much of an offending value an error line echoes: enough to recognise it, never a screenful. */
export const SHOWN_VALUE_LENGTH = 60

const NON_PRINTING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

const escape = (c: string): string => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * A user-supplied value as an error line may quote it: non-printing characters as escapes (a pasted binary must not
 * reach the terminal raw), cut to `max` characters with an ellipsis. Only the head of a huge value is looked at.
 */
export function shortenValue(value: string, max = SHOWN_VALUE_LENGTH): string {
  const chars = Array.from(value.slice(0, max * 2).replace(NON_PRINTING, escape))
  const cut = chars.length > max || value.length > max * 2
  return cut ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}
