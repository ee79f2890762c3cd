import {stripVTControlCharacters} from 'node:util'

import {suggestNearest} from './core/suggest-nearest.js'
import {InternalError, UserError, VpccniError} from './errors.js'
import {ExitCode} from './exit-codes.js'

export interface ReportedError {
  exitCode: number
  hint?: string
  message: string
  /** Near matches for a name given that does not exist (a node, an instance type), also in the hint. */
  suggestions?: string[]
}

interface OclifLikeError {
  /** The unknown flags, on oclif's NonExistentFlagsError. */
  flags?: unknown
  message?: string
  oclif?: {exit?: number}
}

/**
 * One line for any failure. vpccni's own errors carry their exit code; oclif's parse errors
 * (unknown flag, bad flag value) are bad usage; anything else is a bug.
 */
export function describeError(error: unknown, commandId?: string, knownFlags: string[] = []): ReportedError {
  if (error instanceof VpccniError && !(error instanceof InternalError)) {
    const suggestions = error instanceof UserError && error.suggestions.length > 0 ? {suggestions: error.suggestions} : {}
    return {exitCode: error.exitCode, hint: error.hint, message: error.message, ...suggestions}
  }

  const oclif = (error as OclifLikeError)?.oclif
  if (oclif && !(error instanceof VpccniError)) {
    // oclif spreads one parse error over several lines ("Parsing --max-eni:", "Expected an integer ..."), under a
    // preamble ("The following error occurred:") that says nothing: one line, one colon between the parts.
    // oclif colours flag names when it thinks stderr takes colour (FORCE_COLOR): the line stays plain.
    const text = stripVTControlCharacters((error as OclifLikeError).message ?? 'bad usage')
      .split('\n')
      .map((line) => line.trim().replace(/:$/, ''))
      .filter((line) => line && !line.startsWith('See more help') && !/^The following errors? occurred$/.test(line))
      .join(': ')
    // A misspelt flag gets its nearest names, as a misspelt command, check ID or instance type does.
    const unknown = (error as OclifLikeError).flags
    const near = Array.isArray(unknown) ? unknown.flatMap((flag) => suggestNearest(String(flag).replace(/^-+/, '').split('=')[0], knownFlags)) : []
    const suggestions = [...new Set(near)].map((flag) => `--${flag}`)
    return {
      exitCode: oclif.exit === undefined || oclif.exit === 1 ? ExitCode.BadInput : oclif.exit,
      hint: `${suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}? ` : ''}see ${typedCommand(commandId)} --help`,
      message: text,
      ...(suggestions.length > 0 ? {suggestions} : {}),
    }
  }

  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return {
    exitCode: ExitCode.Internal,
    hint: 'this is a bug in vpccni: run again with DEBUG=1 for the stack trace and report it',
    message: `internal error: ${message}`,
  }
}

/** What `--json` prints on stdout for a failure: a document like every other, with the same message and exit code. */
export function errorDocument(reported: ReportedError): {error: ReportedError; schemaVersion: 1} {
  return {error: {exitCode: reported.exitCode, hint: reported.hint, message: reported.message, suggestions: reported.suggestions}, schemaVersion: 1}
}

export function formatErrorLine(reported: ReportedError): string {
  return `error: ${reported.message}${reported.hint ? `; ${reported.hint}` : ''}`
}

/** A command as users type it: oclif's internal id `ipamd:simulate` is `vpccni ipamd simulate` (topicSeparator " "). */
export function typedCommand(commandId?: string): string {
  return commandId ? `vpccni ${commandId.replaceAll(':', ' ')}` : 'vpccni'
}
