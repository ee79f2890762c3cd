import {ExitCode} from '../../exit-codes.js'
import {InternalError, SourceError, UserError, VpccniError} from '../../errors.js'
import {redactIdentity} from './redact-identity.js'
import type {RecordedError} from './snapshot-format.js'

/** What a snapshot keeps of a failed call: the one-line report without who asked, never the cause (it may hold request details). */
export function recordError(error: unknown, fallbackCall: string): RecordedError {
  if (!(error instanceof VpccniError)) {
    const message = redactIdentity((error as Error)?.message ?? String(error))
    return {call: fallbackCall, exitCode: ExitCode.Internal, hint: null, message, permission: null}
  }

  const source = error instanceof SourceError ? error : undefined
  return {
    call: source?.call ?? fallbackCall,
    exitCode: error.exitCode,
    hint: error.hint === undefined ? null : redactIdentity(error.hint),
    message: redactIdentity(error.message),
    permission: source?.permission ?? null,
  }
}

/** The error a replayed call throws: the same class, message, call, permission and exit code as when it was recorded. */
export function errorFromRecord(record: RecordedError): VpccniError {
  const hint = record.hint ?? undefined
  if (record.exitCode === ExitCode.SourceUnreachable) {
    const prefix = `${record.call}: `
    const message = record.message.startsWith(prefix) ? record.message.slice(prefix.length) : record.message
    return new SourceError(record.call, message, {hint, permission: record.permission ?? undefined})
  }

  if (record.exitCode === ExitCode.BadInput) return new UserError(record.message, {hint})
  return new InternalError(record.message, {hint})
}
