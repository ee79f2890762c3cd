import type {EKSClient} from '@aws-sdk/client-eks'

import {SourceError} from '../../errors.js'
import type {AwsOptions} from '../aws/aws-options.js'
import {mapAwsError} from '../aws/map-aws-error.js'
import {runWithDeadline} from '../aws/run-with-deadline.js'
import type {Deadline} from '../deadline.js'
import {createEksClient, loadEks} from './create-eks-client.js'
import type {EksAnswer} from './eks-types.js'

export type EksSdk = Awaited<ReturnType<typeof loadEks>>

/**
 * Runs one EKS read with a fresh client. Every failure (no credentials, denied, unreachable, unknown cluster)
 * becomes an unavailable answer naming the call and, for a refusal, the IAM permission.
 */
export async function runEksCall<T>(
  options: AwsOptions,
  call: string,
  read: (sdk: EksSdk, client: EKSClient, deadline: Deadline) => Promise<T>,
): Promise<EksAnswer<T>> {
  try {
    const sdk = await loadEks()
    const client = await createEksClient(options)
    return {available: true, call, value: await runWithDeadline(options, client, (deadline) => read(sdk, client, deadline))}
  } catch (error) {
    const mapped = mapAwsError(call, error, options)
    return {
      available: false,
      call,
      hint: mapped.hint ?? null,
      ...((error as {name?: string}).name === 'ResourceNotFoundException' ? {notFound: true as const} : {}),
      permission: mapped instanceof SourceError ? (mapped.permission ?? null) : null,
      reason: mapped.message,
    }
  }
}

export const isoOrNull = (date: Date | undefined): null | string => date?.toISOString() ?? null
