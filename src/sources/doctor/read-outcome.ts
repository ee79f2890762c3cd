import type {ReadOutcome} from '../../core/doctor/doctor-input.js'
import {SourceError} from '../../errors.js'
import type {EksAnswer} from '../eks/eks-types.js'

/** A Kubernetes or EC2 read as an outcome: refused or unreachable is an answer for the checks, a bug still throws. */
export async function outcomeOf<T>(read: () => Promise<T>): Promise<ReadOutcome<T>> {
  try {
    return {ok: true, value: await read()}
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    return {call: error.call, ok: false, permission: error.permission ?? null, reason: error.message}
  }
}

/** An EKS answer as an outcome: EKS not answering (no cluster name, denied, unreachable) keeps its reason and permission. */
export async function eksOutcomeOf<T, R = T>(read: () => Promise<EksAnswer<T>>, map: (value: T) => R = (v) => v as unknown as R): Promise<ReadOutcome<R>> {
  const answer = await read()
  if (answer.available) return {ok: true, value: map(answer.value)}
  return {call: answer.call, ok: false, permission: answer.permission, reason: answer.reason}
}

/** A read that could not be made because the one it depends on failed: it inherits that failure. */
export function blockedBy<T>(outcome: ReadOutcome<unknown>): ReadOutcome<T> | undefined {
  return outcome.ok ? undefined : outcome
}
