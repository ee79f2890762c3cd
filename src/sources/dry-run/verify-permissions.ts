import type {DryRunResult} from '../../core/dry-run/dry-run-report.js'
import {ipamdEniTags} from '../../core/dry-run/ipamd-eni-tags.js'
import {chooseNewEniPlacement} from '../../core/dry-run/new-eni-placement.js'
import type {NodeGather} from '../../core/dry-run/node-facts.js'
import {orderPermissionChecks, type PermissionCheck, planPermissionChecks} from '../../core/dry-run/plan-permission-checks.js'
import type {ClusterSource} from '../cluster-source.js'

/**
 * Asks EC2, with DryRun=true only, whether the caller may make the calls ipamd would make on this node (those of
 * the current projection and of the --set one). The answers are the caller's: ipamd uses the node's role.
 */
export async function verifyPermissions(source: ClusterSource, gather: NodeGather, result: DryRunResult): Promise<PermissionCheck[]> {
  const placement = chooseNewEniPlacement(gather, result.settings)
  const plan = planPermissionChecks([...result.actions, ...(result.proposed?.actions ?? [])], {
    enis: gather.enis,
    instanceId: gather.node.instanceId ?? '',
    managedEniIds: result.current.interfaces.filter((eni) => eni.role === 'pool' && !eni.excluded).map((eni) => eni.id),
    newEniSecurityGroups: placement.securityGroups,
    newEniSubnet: placement.subnetId,
    newEniTags: ipamdEniTags(gather.agent.podEnv ?? gather.agent.daemonSetEnv, gather.node.instanceId ?? '', new Date().toISOString().replace(/\.\d+Z$/, 'Z')),
    prefixDelegation: result.mode === 'prefix',
  })
  const asked = await Promise.all(
    plan.probes.map(async ({needed, probe}): Promise<PermissionCheck> => {
      const answer = await source.dryRun(probe)
      return {action: answer.action, allowed: answer.allowed, detail: answer.allowed ? 'DryRunOperation' : answer.message, needed}
    }),
  )
  return orderPermissionChecks([...asked, ...plan.fixed])
}
