import type {MaxPodsResult, MaxPodsWarningCode} from './compute-max-pods.js'

const SHOWN_NAMES = 3

const GROUP_TEXT: Record<MaxPodsWarningCode, string> = {
  'cap-unknown': "have no vCPU count in vpccni's data, so the 110/250 cap cannot be derived: the smaller cap, 110, is applied",
  'no-pod-enis': 'have no ENI left to carry pods in this mode: only the host-network pods fit',
  'prefix-bare-metal-cni-too-old': 'are bare metal, where prefix delegation needs CNI v1.11.0: secondary IPs used',
  'prefix-cni-too-old': 'use secondary IPs: this CNI version has no prefix delegation (needs v1.9.0)',
  'prefix-not-nitro': 'are not Nitro instances: no prefix delegation, secondary IPs used',
  'trunk-unavailable': 'cannot carry a trunk ENI: no security groups for pods there, no ENI reserved',
  'trunk-unknown': "are not in the VPC resource controller's table: ipamd counts them as trunk-capable, one ENI kept for the trunk",
}

/**
 * One line per kind of warning: a single type keeps its own message; many types
 * (as with --all) become a count and a few names, so stderr stays readable.
 */
export function summarizeWarnings(results: MaxPodsResult[]): string[] {
  const byCode = new Map<MaxPodsWarningCode, {messages: string[]; types: string[]}>()
  for (const result of results) {
    for (const warning of result.warnings) {
      const group = byCode.get(warning.code) ?? {messages: [], types: []}
      group.messages.push(warning.message)
      group.types.push(result.instanceType)
      byCode.set(warning.code, group)
    }
  }

  return [...byCode.entries()].map(([code, group]) => {
    if (group.types.length === 1) return group.messages[0]
    const names = group.types.slice(0, SHOWN_NAMES).join(', ')
    const more = group.types.length > SHOWN_NAMES ? ', …' : ''
    return `${group.types.length} types ${GROUP_TEXT[code]} (${names}${more})`
  })
}
