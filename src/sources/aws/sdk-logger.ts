import {quoteInput} from '../../core/quote-input.js'

let warned = false

/**
 * The logger of every vpccni AWS client. Without one the SDK logs nothing (its NoOpLogger) but one warning, which it
 * prints with console.warn: "Multiple credential sources detected", nine lines on stderr whenever a profile and
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are both set (a fleet's kubeconfig AWS_PROFILE in a CI job with keys in its
 * environment). Given a logger, the SDK hands that warning to it: here it becomes one line of ours, once per run;
 * everything else stays unlogged, as before. The line says what the two chains do: the JS SDK takes the profile,
 * while botocore (the AWS CLI, so a kubeconfig's `aws eks get-token`) keeps the environment's keys first when the profile
 * comes from AWS_PROFILE, so the API server and EC2/EKS would see two identities.
 */
export function sdkLogger(profile: string | undefined): Record<'debug' | 'error' | 'info' | 'trace' | 'warn', (message: unknown) => void> {
  const ignore = () => {}
  return {
    debug: ignore,
    error: ignore,
    info: ignore,
    trace: ignore,
    warn(message) {
      if (warned || !String(message).includes('Multiple credential sources detected')) return
      warned = true
      const named = profile ? ` ${quoteInput(profile)}` : ''
      process.stderr.write(`warning: AWS profile${named} and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are both set: vpccni's EC2 and EKS reads use the profile, but the AWS CLI (aws eks get-token) uses the keys; unset one so both sign as one identity\n`)
    },
  }
}
