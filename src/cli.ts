import {flush} from '@oclif/core/flush'
import {run} from '@oclif/core/run'

import {describeError, formatErrorLine} from './format-error.js'

export {COMMANDS} from './commands.js'

interface ExitLike {
  code?: string
  oclif?: {exit?: number}
}

/**
 * Entry point used by bin/run.cjs; kept out of module top level because oclif looks this module up again to find COMMANDS.
 * Commands report their own failures (BaseCommand#catch) and end with an EEXIT; what reaches here unreported
 * (an unknown command, a failure while loading) gets the same one-line treatment.
 */
export async function main(dir: string): Promise<void> {
  try {
    await run(process.argv.slice(2), dir)
    await flush()
  } catch (error) {
    if ((error as ExitLike).code === 'EEXIT') {
      process.exitCode = (error as ExitLike).oclif?.exit ?? 1
      return
    }

    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    const reported = describeError(error)
    process.stderr.write(`${formatErrorLine(reported)}\n`)
    process.exitCode = reported.exitCode
  }
}
