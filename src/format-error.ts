import {InternalError, VpccniError} from './errors.js'
import {ExitCode} from './exit-codes.js'

export interface ReportedError {
  exitCode: number
  hint?: string
  message: string
}

interface OclifLikeError {
  message?: string
  oclif?: {exit?: number}
}

/**
 * One line for any failure. vpccni's own errors carry their exit code; oclif's parse errors
 * (unknown flag, bad flag value) are bad usage; anything else is a bug.
 */
export function describeError(error: unknown, commandId?: string): ReportedError {
  if (error instanceof VpccniError && !(error instanceof InternalError)) {
    return {exitCode: error.exitCode, hint: error.hint, message: error.message}
  }

  const oclif = (error as OclifLikeError)?.oclif
  if (oclif && !(error instanceof VpccniError)) {
    // oclif spreads one parse error over several lines ("Parsing --max-eni", "Expected an integer ..."): join them.
    const text = ((error as OclifLikeError).message ?? 'bad usage')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('See more help'))
      .join(': ')
    return {
      exitCode: oclif.exit === undefined || oclif.exit === 1 ? ExitCode.BadInput : oclif.exit,
      hint: `see vpccni ${commandId ? `${commandId} ` : ''}--help`,
      message: text,
    }
  }

  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return {
    exitCode: ExitCode.Internal,
    hint: 'this is a bug in vpccni: run again with DEBUG=1 for the stack trace and report it',
    message: `internal error: ${message}`,
  }
}

export function formatErrorLine(reported: ReportedError): string {
  return `error: ${reported.message}${reported.hint ? `; ${reported.hint}` : ''}`
}
