import {quoteInput} from './core/quote-input.js'
import {editDistance} from './core/suggest-nearest.js'
import {UserError} from './errors.js'

/** Words past this many characters are no command: not worth comparing letter by letter. */
const LONGEST_COMPARED = 40

/**
 * The error for `vpccni max-pod m5.large`: oclif joins the leading words into one id (`max-pod:m5.large`), so the
 * typed words are compared with each command as typed (`ipamd simulate` against the first two words).
 */
export function unknownCommandError(argv: string[], commandIds: string[]): UserError {
  const firstFlag = argv.findIndex((arg) => arg.startsWith('-'))
  const words = firstFlag === -1 ? argv : argv.slice(0, firstFlag)
  if (words.length === 0) {
    return new UserError(`${quoteInput(argv[0] ?? '')} is not a command`, {hint: 'flags follow a command: see vpccni --help'})
  }

  const typed = commandIds.map((id) => id.replaceAll(':', ' '))
  const isTopic = typed.some((command) => command.startsWith(`${words[0]} `))
  const unknown = words.slice(0, isTopic ? 2 : 1).join(' ')
  const scored = typed
    .map((command) => {
      const input = words.slice(0, command.split(' ').length).join(' ')
      const distance = input.length > LONGEST_COMPARED ? Infinity : editDistance(input.toLowerCase(), command)
      return {command, distance, input}
    })
    .filter((s) => s.distance <= Math.max(2, Math.floor(s.input.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.command.localeCompare(b.command))
  const suggestions = scored.slice(0, 3).map((s) => `vpccni ${s.command}`)
  return new UserError(`unknown command ${quoteInput(unknown)}`, {
    hint: suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}? (see vpccni --help)` : 'see vpccni --help for the commands',
  })
}
