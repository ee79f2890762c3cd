/**
 * The tags ipamd puts on an ENI it creates, in CreateNetworkInterface's TagSpecifications (buildENITags and createENI,
 * awsutils.go): the instance id, the creation time, CLUSTER_NAME when set, and ADDITIONAL_ENI_TAGS (a JSON object).
 * Tagging on create needs ec2:CreateTags as well, so a DryRun with these tags asks about both.
 */
export function ipamdEniTags(env: Record<string, string>, instanceId: string, createdAt: string): Record<string, string> {
  const tags: Record<string, string> = {'node.k8s.amazonaws.com/createdAt': createdAt, 'node.k8s.amazonaws.com/instance_id': instanceId}
  if (env.CLUSTER_NAME) tags['cluster.k8s.amazonaws.com/name'] = env.CLUSTER_NAME
  for (const [key, value] of Object.entries(parseAdditionalTags(env.ADDITIONAL_ENI_TAGS))) tags[key] = value
  return tags
}

/** ipamd ignores ADDITIONAL_ENI_TAGS it cannot parse, and keys under the reserved k8s.amazonaws.com prefix. */
function parseAdditionalTags(text: string | undefined): Record<string, string> {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter(([key, value]) => typeof value === 'string' && !key.includes('k8s.amazonaws.com')))
  } catch {
    return {}
  }
}
