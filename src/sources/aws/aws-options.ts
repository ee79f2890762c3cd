import {EKS_CLUSTER_NAME} from '../../core/eks-cluster-arn.js'
import {quoteInput} from '../../core/quote-input.js'
import {UserError} from '../../errors.js'
import type {AwsClients} from './aws-clients.js'
import {isProfileDefined, profileInUse, sharedConfigFiles} from './aws-profile.js'
import {sdkLogger} from './sdk-logger.js'

/** How to reach AWS; every field falls back to the SDK's own chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2, ...). */
export interface AwsOptions {
  /** Clients kept across calls (a cluster source's); without it, each call makes its own and destroys it after. */
  clients?: AwsClients
  profile?: string
  region?: string
  /** Aborts calls in flight when the command closes its sources (it failed, or it is done). */
  signal?: AbortSignal
  /** How long one call may wait for an answer, retries included (a paged call: for each page). */
  timeoutMs?: number
}

/** What every AWS region name looks like (us-east-1, ap-southeast-4, us-gov-west-1, eu-isoe-west-1): the SDK puts it in a host name. */
const REGION = /^[a-z]{2}(-[a-z0-9]+){1,3}-\d{1,2}$/

/**
 * AwsOptions from the shared live flags (`--profile`, `--region`, `--request-timeout` in seconds). A `--cluster` that
 * EKS could not name, and a profile the shared files do not define, are refused here too, before any call.
 */
export function awsOptionsFromFlags(flags: {cluster?: string; profile?: string; region?: string; 'request-timeout'?: number}): AwsOptions {
  if (flags.cluster !== undefined && !EKS_CLUSTER_NAME.test(flags.cluster)) {
    throw new UserError(`--cluster ${quoteInput(flags.cluster)} is not an EKS cluster name`, {
      hint: 'EKS names have letters, digits, - and _, start with a letter or digit, and are at most 100 characters',
    })
  }

  if (flags.region !== undefined && !REGION.test(flags.region)) {
    throw new UserError(`--region ${quoteInput(flags.region)} is not an AWS region name`, {hint: 'e.g. us-east-1, eu-west-2, us-gov-west-1'})
  }

  // A profile the shared files do not define is a typo: refused before the cluster is read, not at the first AWS call.
  // `default` may stand for the environment's keys with no file at all.
  const profile = profileInUse(flags.profile)
  if (profile !== undefined && profile !== 'default' && !isProfileDefined(profile)) {
    throw new UserError(`AWS profile ${quoteInput(profile)} is not in ${sharedConfigFiles().join(' or ')}`, {
      hint: 'name a profile those files define (aws configure list-profiles), or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE',
    })
  }

  const seconds = flags['request-timeout']
  return {profile: flags.profile, region: flags.region, timeoutMs: seconds === undefined ? undefined : seconds * 1000}
}

/**
 * The settings every vpccni AWS client shares: the caller's profile and region, five attempts under the SDK's
 * standard retry strategy (which backs off on throttling), the request timeout, and a logger that keeps the SDK's
 * warnings to one line of ours.
 */
export function sdkClientConfig(options: AwsOptions): {
  logger: ReturnType<typeof sdkLogger>
  maxAttempts: number
  profile?: string
  region?: string
  requestHandler: ReturnType<typeof requestHandlerFor>
} {
  return {logger: sdkLogger(profileInUse(options.profile)), maxAttempts: 5, profile: options.profile, region: options.region, requestHandler: requestHandlerFor(options)}
}

/**
 * The SDK's HTTP handler settings for a timeout. Without `throwOnRequestTimeout` the Node handler only
 * logs a warning when requestTimeout passes and keeps waiting.
 */
export function requestHandlerFor(options: AwsOptions): undefined | {connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean} {
  return options.timeoutMs
    ? {connectionTimeout: options.timeoutMs, requestTimeout: options.timeoutMs, throwOnRequestTimeout: true}
    : undefined
}
