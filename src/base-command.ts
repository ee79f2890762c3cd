import type {Interfaces} from '@oclif/core'
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'

import {ExitCode} from './exit-codes.js'
import {describeError, errorDocument, formatErrorLine} from './format-error.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/** What every vpccni command shares: --json, colour policy, warnings on stderr, errors as one line and an exit code. */
export abstract class BaseCommand extends Command {
  static baseFlags = {
    color: Flags.boolean({
      allowNo: true,
      default: true,
      description: 'Colour the output (only ever on a terminal; NO_COLOR also turns it off).',
      helpGroup: 'GLOBAL',
    }),
  }
  static enableJsonFlag = true

  /** Whether stdout is a terminal: tables and colours are for people, plain lines for pipes. */
  protected get isTty(): boolean {
    return Boolean(process.stdout.isTTY)
  }

  /**
   * The width tables fit: the terminal's, or COLUMNS when set (a pipe, a test, a pager); none means a pipe, where
   * rows stay whole for grep and awk.
   */
  protected get outputWidth(): number | undefined {
    if (this.isTty && process.stdout.columns) return process.stdout.columns
    const columns = Number(process.env.COLUMNS)
    return Number.isInteger(columns) && columns > 0 ? columns : undefined
  }

  protected useColor(flags: {color: boolean}): boolean {
    return flags.color && !process.env.NO_COLOR && this.isTty && !this.jsonEnabled()
  }

  /** A one-line warning on stderr; the result object carries the same text for --json users. */
  protected warnLine(text: string): void {
    process.stderr.write(`warning: ${text}\n`)
  }

  /** The command worked and found a problem: exit 1 once the output is written. */
  protected problemFound(): void {
    process.exitCode = ExitCode.ProblemFound
  }

  override async catch(error: Error & {skipOclifErrorHandling?: boolean}): Promise<unknown> {
    const reported = describeError(error, this.id, Object.keys((this.constructor as {flags?: object}).flags ?? {}))
    if (process.env.DEBUG && error.stack) process.stderr.write(`${error.stack}\n`)
    process.stderr.write(`${formatErrorLine(reported)}\n`)
    if (this.jsonEnabled()) {
      this.logJson(errorDocument(reported))
    }

    process.exitCode = reported.exitCode
    // Already reported: oclif's handler must stay silent and only set the exit code.
    return this.exit(reported.exitCode)
  }
}
