/** What the lab points the AWS SDK at: the product reads these exactly as it would in a real shell. */
export interface AwsLabEndpoints {
  ec2?: string
  eks?: string
}

/**
 * Sets dummy credentials, us-west-2 and the per-service endpoint variables for this process;
 * returns a function that puts the previous environment back.
 */
export function setAwsLabEnv(endpoints: AwsLabEndpoints): () => void {
  const values: Record<string, string | undefined> = {
    AWS_ACCESS_KEY_ID: 'AKIALABLABLABLAB',
    AWS_CONFIG_FILE: '/nonexistent/vpccni-lab/config',
    AWS_ENDPOINT_URL_EC2: endpoints.ec2,
    AWS_ENDPOINT_URL_EKS: endpoints.eks,
    AWS_PROFILE: undefined,
    AWS_REGION: 'us-west-2',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_SECRET_ACCESS_KEY: 'lab-secret',
    AWS_SESSION_TOKEN: undefined,
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/vpccni-lab/credentials',
  }
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]))
  assign(values)
  return () => assign(previous)
}

function assign(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}
