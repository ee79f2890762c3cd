import type {EC2Client} from '@aws-sdk/client-ec2'

import type {AwsOptions} from '../aws/aws-options.js'
import {mapAwsError} from '../aws/map-aws-error.js'
import {runWithDeadline} from '../aws/run-with-deadline.js'
import type {Deadline} from '../deadline.js'
import {createEc2Client, loadEc2} from './create-ec2-client.js'

export type Ec2Sdk = Awaited<ReturnType<typeof loadEc2>>

/** Filter values EC2 accepts in one request; longer id lists go out in batches. */
export const FILTER_BATCH = 200

/**
 * Runs one EC2 read with a fresh client and turns any failure into a SourceError naming `call`
 * (e.g. `ec2:DescribeNetworkInterfaces`), the IAM action it needs.
 */
export async function runEc2Call<T>(
  options: AwsOptions,
  call: string,
  read: (sdk: Ec2Sdk, client: EC2Client, deadline: Deadline) => Promise<T>,
): Promise<T> {
  const sdk = await loadEc2()
  try {
    // Inside the try: the client's constructor already refuses a missing or malformed region.
    const client = await createEc2Client(options)
    return await runWithDeadline(options, client, (deadline) => read(sdk, client, deadline))
  } catch (error) {
    throw mapAwsError(call, error, options)
  }
}

export function batches<T>(items: T[], size = FILTER_BATCH): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function toTags(tags: Array<{Key?: string; Value?: string}> | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']))
}
