/** Where a Kubernetes node runs in EC2, from its `spec.providerID`. */
export interface Ec2ProviderId {
  availabilityZone: string
  instanceId: string
}

// aws:///us-west-2a/i-0abc...; the zone may be empty (aws:////i-...) on some installers.
const PROVIDER_ID = /^aws:\/\/\/([a-z0-9-]*)\/(i-[0-9a-f]+)$/

/** Parses `aws:///ZONE/i-...`; undefined for anything else (Fargate, other clouds, kind). */
export function parseProviderId(providerId: string | undefined): Ec2ProviderId | undefined {
  const match = PROVIDER_ID.exec(providerId?.trim() ?? '')
  return match ? {availabilityZone: match[1], instanceId: match[2]} : undefined
}
