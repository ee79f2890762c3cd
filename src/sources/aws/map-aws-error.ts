import {SourceError, UserError, type VpccniError} from '../../errors.js'

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
export function mapAwsError(call: string, error: unknown): VpccniError {
  const e = (error ?? {}) as AwsLikeError
  const name = e.name ?? e.code ?? ''
  const message = e.message ?? String(error)
  if (DENIED.has(name) || e.$metadata?.httpStatusCode === 403) {
    return new SourceError(call, `permission denied (${name || 'HTTP 403'})`, {
      cause: error,
      hint: `grant ${call} to the caller's IAM role or user`,
      permission: call,
    })
  }

  if (CREDENTIALS.has(name)) {
    return new SourceError(call, `no usable AWS credentials (${message})`, {
      cause: error,
      hint: 'set AWS_PROFILE or --profile, or run where the SDK can find credentials',
    })
  }

  if (/region is missing/i.test(message)) {
    return new UserError('no AWS region given', {cause: error, hint: 'pass --region or set AWS_REGION'})
  }

  if (NETWORK.has(name) || NETWORK.has(e.code ?? '') || /ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(message)) {
    return new SourceError(call, `endpoint unreachable (${message})`, {cause: error, hint: 'check network access, --region and AWS_ENDPOINT_URL_*'})
  }

  return new SourceError(call, `${name ? `${name}: ` : ''}${message}`, {cause: error})
}
