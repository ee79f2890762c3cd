import {type Deadline, raceSignal, startDeadline} from '../deadline.js'
import type {AwsOptions} from './aws-options.js'

/**
 * One AWS call under its deadline (--request-timeout, every attempt and back-off of the SDK's retry included, renewed
 * by each page) and the sources' closing signal; the client is destroyed after, so no socket outlives the call.
 */
export async function runWithDeadline<T>(options: AwsOptions, client: {destroy(): void}, read: (deadline: Deadline) => Promise<T>): Promise<T> {
  const deadline = startDeadline(options.timeoutMs, options.signal)
  try {
    return await raceSignal(read(deadline), deadline.signal)
  } finally {
    deadline.clear()
    client.destroy()
  }
}
