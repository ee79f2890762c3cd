import {type Deadline, raceSignal, startDeadline} from '../deadline.js'
import type {AwsOptions} from './aws-options.js'

/**
 * One AWS call under its deadline (--request-timeout, every attempt and back-off of the SDK's retry included, renewed
 * by each page) and the sources' closing signal; a client of its own is destroyed after, so no socket outlives the call
 * (kept clients, options.clients, live as long as their source).
 */
export async function runWithDeadline<T>(options: AwsOptions, client: {destroy(): void}, read: (deadline: Deadline) => Promise<T>): Promise<T> {
  const deadline = startDeadline(options.timeoutMs, options.signal)
  try {
    return await raceSignal(read(deadline), deadline.signal)
  } finally {
    deadline.clear()
    if (!options.clients) client.destroy()
  }
}
