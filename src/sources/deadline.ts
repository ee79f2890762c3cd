import {setMaxListeners} from 'node:events'

/** The reason a call's deadline aborted it: no answer within --request-timeout, retries and back-offs included. */
export class DeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`)
    this.name = 'DeadlineExceeded'
  }
}

/** The reason calls still in flight are aborted when the command closes its sources (it failed, or it is done). */
export class SourcesClosed extends Error {
  constructor() {
    super('the command closed its sources')
    this.name = 'SourcesClosed'
  }
}

export interface Deadline {
  clear(): void
  /** Restarts the wait: a paged call got a page, so the source is answering. */
  renew(): void
  readonly signal: AbortSignal
}

/**
 * One call's deadline: its signal aborts when `timeoutMs` pass without an answer or when `parent` aborts (the
 * sources closing). The timer is unref'd and cleared with the call: a deadline never keeps the process alive.
 */
export function startDeadline(timeoutMs: number | undefined, parent?: AbortSignal): Deadline {
  const controller = new AbortController()
  // One call's pages and id batches run at once, each listening to the signal: Node's leak warning (at 10) would be noise on stderr.
  setMaxListeners(0, controller.signal)
  let timer: NodeJS.Timeout | undefined
  const renew = (): void => {
    if (timeoutMs === undefined || controller.signal.aborted) return
    clearTimeout(timer)
    timer = setTimeout(() => controller.abort(new DeadlineExceeded(timeoutMs)), timeoutMs).unref()
  }

  const onParentAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, {once: true})
  renew()
  return {
    clear: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
    renew,
    signal: controller.signal,
  }
}

/** `work`, or the signal's reason as soon as it aborts: a step that does not listen to the signal cannot hold a call up. */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The work still runs and will fail on the same signal: its failure is expected, not an unhandled rejection.
    work.catch(() => undefined)
    return Promise.reject(signal.reason)
  }

  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, {once: true})
  })
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort!))
}
