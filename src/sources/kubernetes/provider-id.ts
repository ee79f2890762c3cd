export interface AwsProviderId {
  instanceId: string | null
  zone: string | null
}

const AWS_PROVIDER_ID = /^aws:\/\/\/([^/]*)\/([^/]+)$/

/** Fargate and hybrid nodes carry other ids (no `i-`): their instance id is null, so no EC2 lookup is attempted. */
export function parseAwsProviderId(providerId: string | null): AwsProviderId {
  const match = providerId ? AWS_PROVIDER_ID.exec(providerId) : null
  if (!match) return {instanceId: null, zone: null}
  return {instanceId: /^i-[0-9a-f]+$/.test(match[2]) ? match[2] : null, zone: match[1] || null}
}
