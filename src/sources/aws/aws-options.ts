/** How to reach AWS; every field falls back to the SDK's own chain (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2, ...). */
export interface AwsOptions {
  profile?: string
  region?: string
  /** Per-request timeout. */
  timeoutMs?: number
}
