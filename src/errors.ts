import {ExitCode, type ExitCodeValue} from './exit-codes.js'

interface ErrorOptions {
  cause?: unknown
  hint?: string
}

/** An error vpccni expects and reports as one line; the exit code says what kind it is. */
export abstract class VpccniError extends Error {
  abstract readonly exitCode: ExitCodeValue
  readonly hint?: string

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, {cause: options.cause})
    this.hint = options.hint
  }
}

/** Bad usage or bad input (exit 2). */
export class UserError extends VpccniError {
  readonly exitCode = ExitCode.BadInput
  readonly suggestions: string[]

  constructor(message: string, options: ErrorOptions & {suggestions?: string[]} = {}) {
    const suggestions = options.suggestions ?? []
    const hint = options.hint ?? (suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : undefined)
    super(message, {...options, hint})
    this.suggestions = suggestions
  }
}

/** A source (EC2, EKS, Kubernetes) could not be reached or refused (exit 3). Names the call and the permission it needs. */
export class SourceError extends VpccniError {
  readonly exitCode = ExitCode.SourceUnreachable
  readonly call: string
  /** The message without the name it starts with. */
  readonly detail: string
  /** The source could not be reached at all (no configuration, unreachable, timed out, credentials refused), as opposed to refusing one call. */
  readonly outOfReach: boolean
  readonly permission?: string
  /**
   * What the message starts with, when not the call: a connection that fails fails for every call, so its message names
   * the source ("kubernetes") while `call` still says which read it cost.
   */
  readonly shownAs?: string

  constructor(call: string, message: string, options: SourceErrorOptions = {}) {
    super(`${options.shownAs ?? call}: ${message}`, options)
    this.call = call
    this.detail = message
    this.outOfReach = options.outOfReach ?? false
    this.permission = options.permission
    this.shownAs = options.shownAs
  }

  /** The same failure with another hint, e.g. naming a command's offline alternative. */
  withHint(hint: string): SourceError {
    return new SourceError(this.call, this.detail, {cause: this.cause, hint, outOfReach: this.outOfReach, permission: this.permission, shownAs: this.shownAs})
  }
}

type SourceErrorOptions = ErrorOptions & {outOfReach?: boolean; permission?: string; shownAs?: string}

/** A bug in vpccni (exit 4). */
export class InternalError extends VpccniError {
  readonly exitCode = ExitCode.Internal
}
