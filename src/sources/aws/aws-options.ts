/** How to reach AWS; every field falls back to the SDK's own chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2, ...). */
export interface AwsOptions {
  profile?: string
  region?: string
  /** Per-request timeout. */
  timeoutMs?: number
}

/** AwsOptions from the shared live flags (`--profile`, `--region`, `--request-timeout` in seconds). */
export function awsOptionsFromFlags(flags: {profile?: string; region?: string; 'request-timeout'?: number}): AwsOptions {
  const seconds = flags['request-timeout']
  return {profile: flags.profile, region: flags.region, timeoutMs: seconds === undefined ? undefined : seconds * 1000}
}
