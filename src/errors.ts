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
  /** The source could not be reached at all (no configuration, unreachable, timed out, credentials refused), as opposed to refusing one call. */
  readonly outOfReach: boolean
  readonly permission?: string

  constructor(call: string, message: string, options: ErrorOptions & {outOfReach?: boolean; permission?: string} = {}) {
    super(`${call}: ${message}`, options)
    this.call = call
    this.outOfReach = options.outOfReach ?? false
    this.permission = options.permission
  }

  /** The same failure with another hint, e.g. naming a command's offline alternative. */
  withHint(hint: string): SourceError {
    const message = this.message.slice(this.call.length + 2)
    return new SourceError(this.call, message, {cause: this.cause, hint, outOfReach: this.outOfReach, permission: this.permission})
  }
}

/** A bug in vpccni (exit 4). */
export class InternalError extends VpccniError {
  readonly exitCode = ExitCode.Internal
}
