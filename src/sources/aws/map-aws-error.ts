import {quoteInput} from '../../core/quote-input.js'
import {SourceError, UserError, type VpccniError} from '../../errors.js'
import {DeadlineExceeded} from '../deadline.js'
import type {AwsOptions} from './aws-options.js'
import {isProfileDefined, profileInUse, sharedConfigFiles} from './aws-profile.js'

interface AwsLikeError {
  $metadata?: {httpStatusCode?: number}
  code?: string
  message?: string
  name?: string
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnrecognizedClientException'])
const CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'AuthFailure'])
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout'])

/**
 * Turns an AWS SDK failure into one vpccni error naming the call (`ec2:DescribeInstanceTypes`)
 * and, for a refusal, the IAM permission it needs.
 */
export function mapAwsError(call: string, error: unknown, options: AwsOptions = {}): VpccniError {
  const e = (error ?? {}) as AwsLikeError
  const deadline = error instanceof DeadlineExceeded ? error : (error as {cause?: unknown})?.cause
  if (deadline instanceof DeadlineExceeded) {
    return new SourceError(call, `${deadline.message}, the SDK's retries included`, {
      cause: error,
      hint: 'raise --request-timeout, or check network access, --region and AWS_ENDPOINT_URL_*',
      outOfReach: true,
    })
  }

  const name = e.name ?? e.code ?? ''
  const message = e.message ?? String(error)
  if (DENIED.has(name) || e.$metadata?.httpStatusCode === 403) {
    return new SourceError(call, `permission denied (${name || 'HTTP 403'})`, {
      cause: error,
      hint: `grant ${call} to the caller's IAM role or user`,
      permission: call,
    })
  }

  if (CREDENTIALS.has(name)) return credentialsError(call, error, message, profileInUse(options.profile))
  if (/region is missing/i.test(message)) {
    return new UserError('no AWS region given', {cause: error, hint: 'pass --region or set AWS_REGION'})
  }

  if (/region not accepted|not a valid hostname component/i.test(message)) {
    return new UserError(`the AWS region is not a region name (${message.replace(/^Error: /, '')})`, {cause: error, hint: 'e.g. --region us-east-1 or AWS_REGION=us-east-1'})
  }

  if (NETWORK.has(name) || NETWORK.has(e.code ?? '') || /ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(message)) {
    return new SourceError(call, `endpoint unreachable (${message})`, {cause: error, hint: 'check network access, --region and AWS_ENDPOINT_URL_*'})
  }

  return new SourceError(call, `${name ? `${name}: ` : ''}${message}`, {cause: error})
}

/**
 * No credentials: when a profile is named (--profile or AWS_PROFILE), say which. One the shared files do not define
 * is a typo, bad input (exit 2) as an unknown --context is; a defined one that yields nothing is the source's refusal.
 */
function credentialsError(call: string, error: unknown, message: string, profile: string | undefined): VpccniError {
  if (!profile) {
    return new SourceError(call, `no usable AWS credentials (${message})`, {
      cause: error,
      hint: 'set AWS_PROFILE or --profile, or run where the SDK can find credentials',
    })
  }

  const files = sharedConfigFiles().join(' or ')
  if (!isProfileDefined(profile)) {
    return new UserError(`${call}: AWS profile ${quoteInput(profile)} is not in ${files}`, {
      cause: error,
      hint: 'name a profile those files define (aws configure list-profiles), or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE',
    })
  }

  return new SourceError(call, `no usable AWS credentials from profile ${quoteInput(profile)} (${message})`, {
    cause: error,
    hint: `check profile ${quoteInput(profile)} in ${files} (aws sts get-caller-identity --profile ${profile})`,
  })
}
