import {flush} from '@oclif/core/flush'
import {run} from '@oclif/core/run'

import {COMMANDS} from './commands.js'
import {describeError, errorDocument, formatErrorLine} from './format-error.js'
import {unknownCommandError} from './unknown-command.js'

export {COMMANDS} from './commands.js'

interface ExitLike {
  code?: string
  message?: string
  oclif?: {exit?: number}
}

/**
 * Entry point used by bin/run.cjs; kept out of module top level because oclif looks this module up again to find COMMANDS.
 * Commands report their own failures (BaseCommand#catch) and end with an EEXIT; what reaches here unreported
 * (an unknown command, a failure while loading) gets the same one-line treatment, and with --json the same document.
 */
export async function main(dir: string): Promise<void> {
  const argv = process.argv.slice(2)
  try {
    await run(argv, dir)
    await flush()
  } catch (error) {
    if ((error as ExitLike).code === 'EEXIT') {
      process.exitCode = (error as ExitLike).oclif?.exit ?? 1
      return
    }

    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    const notFound = /^command \S* ?not found$/.test((error as ExitLike).message ?? '')
    const reported = describeError(notFound ? unknownCommandError(argv, Object.keys(COMMANDS)) : error)
    process.stderr.write(`${formatErrorLine(reported)}\n`)
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(errorDocument(reported), null, 2)}\n`)
    process.exitCode = reported.exitCode
  }
}
