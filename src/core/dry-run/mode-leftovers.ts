import type {PoolState} from '../ipamd/pool-state.js'
import type {DryRunAnomaly} from './dry-run-anomaly.js'
import {cidrContains} from './ipv4.js'

const listed = (pods: string[]): string => (pods.length > 3 ? `${pods.slice(0, 3).join(', ')} and ${pods.length - 3} more` : pods.join(', '))

/**
 * CIDRs of the other mode (/32s with prefix delegation on, /28s with it off): ipamd gives no new address from them and,
 * when it starts, releases those no pod uses (tryUnassignIPsFromENIs / tryUnassignPrefixesFromENIs), so the state
 * drops them; the ones pods still use keep their ENI slot until the pods go. Both are flagged. Mutates `state`.
 */
export function settleModeLeftovers(state: PoolState, prefixDelegation: boolean, podByIp: Map<string, string>): DryRunAnomaly[] {
  const anomalies: DryRunAnomaly[] = []
  const mode = prefixDelegation ? 'prefix delegation is on' : 'prefix delegation is off'
  for (const eni of state.enis) {
    const leftovers = eni.cidrs.filter((cidr) => cidr.prefix !== prefixDelegation)
    if (leftovers.length === 0) continue
    const unused = leftovers.filter((cidr) => cidr.assigned === 0)
    eni.cidrs = eni.cidrs.filter((cidr) => !unused.includes(cidr))
    if (unused.length > 0) {
      const what = prefixDelegation ? `${unused.length} secondary IP(s) (/32)` : `${unused.length} /28 prefix(es)`
      const detail = `${what} left from the other mode while ${mode}: ipamd releases unused ones when it starts, so the projection leaves them out`
      anomalies.push({code: 'leftover-cidrs', detail, subject: eni.id})
    }

    const used = leftovers.filter((c) => c.assigned > 0)
    if (prefixDelegation && used.length > 0) {
      const pods = used.map((cidr) => podByIp.get(cidr.id.split('/')[0])).filter((p): p is string => p !== undefined)
      const detail = `${used.length} pod(s) on secondary IPs (/32) while ${mode}${pods.length > 0 ? ` (${listed(pods)})` : ''}: those /32s keep ${used.length} of the ENI's slots until the pods go`
      anomalies.push({code: 'pods-on-leftover-cidr', detail, subject: eni.id})
    }

    for (const cidr of prefixDelegation ? [] : used) {
      const pods = [...podByIp].filter(([ip]) => cidrContains(cidr.id, ip)).map(([, pod]) => pod)
      const detail = `${cidr.assigned} pod(s) on the /28 ${cidr.id} while ${mode}${pods.length > 0 ? ` (${listed(pods)})` : ''}: ipamd gives no address from it, and it keeps its ENI slot until they go`
      anomalies.push({code: 'pods-on-leftover-cidr', detail, subject: eni.id})
    }
  }

  return anomalies
}
