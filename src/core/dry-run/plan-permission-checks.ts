import type {DryRunAction} from './describe-action.js'
import type {EniFacts} from './node-facts.js'

/** An EC2 mutation to send with DryRun=true (the sources' DryRunRequest has the same shape). */
export type PermissionProbe =
  | {action: 'AttachNetworkInterface'; deviceIndex: number; instanceId: string; networkInterfaceId: string}
  | {action: 'CreateNetworkInterface'; securityGroupIds?: string[]; subnetId: string; tags?: Record<string, string>}
  | {action: 'DeleteNetworkInterface'; networkInterfaceId: string}
  | {action: 'DetachNetworkInterface'; attachmentId: string}
  | {action: 'ModifyNetworkInterfaceAttribute'; attachmentId: string; networkInterfaceId: string}

export interface PermissionCheck {
  /** `ec2:CreateNetworkInterface`, ... */
  action: string
  /** Null when it was not asked. */
  allowed: boolean | null
  detail: string
  /** A projected action makes this call. */
  needed: boolean
}

export interface PermissionPlan {
  /** Checks that cannot be asked, already decided. */
  fixed: PermissionCheck[]
  probes: Array<{needed: boolean; probe: PermissionProbe}>
}

/** The calls ipamd makes to grow and shrink a pool, in the order it makes them. */
export const IPAMD_EC2_CALLS = [
  'CreateNetworkInterface',
  'AttachNetworkInterface',
  'ModifyNetworkInterfaceAttribute',
  'AssignPrivateIpAddresses',
  'UnassignPrivateIpAddresses',
  'DetachNetworkInterface',
  'DeleteNetworkInterface',
] as const

/**
 * Which of ipamd's EC2 calls to ask about, each against a real resource of the node so EC2 judges the
 * permission and not the parameters. Assign and Unassign have no DryRun parameter in the EC2 API, so they
 * are never sent: sending them would change the node.
 */
export function planPermissionChecks(
  actions: DryRunAction[],
  node: {
    enis: EniFacts[]
    instanceId: string
    /** ENIs ipamd manages and could free: Detach and Delete are asked only against one of these. */
    managedEniIds: string[]
    /** The tags ipamd gives a new ENI (ipamdEniTags): sent in TagSpecifications, so ec2:CreateTags is asked too. */
    newEniTags: Record<string, string>
    newEniSecurityGroups: string[]
    newEniSubnet: string
    prefixDelegation: boolean
  },
): PermissionPlan {
  const needed = new Set(actions.flatMap((a) => a.ec2Calls))
  const managed = (e: EniFacts): boolean => node.managedEniIds.includes(e.id)
  const secondary = node.enis.find((e) => !e.primary && e.networkCardIndex === 0 && e.attachmentId && managed(e)) ?? null
  const freed = actions.find((a) => a.kind === 'free-eni')
  const target = node.enis.find((e) => e.id === freed?.eniId && e.attachmentId) ?? secondary
  const attachTo = secondary ?? node.enis.find((e) => e.primary) ?? null
  const nextDevice = Math.max(0, ...node.enis.map((e) => e.deviceIndex)) + 1
  const fixed: PermissionCheck[] = []
  const probes: PermissionPlan['probes'] = []
  const unsent = (action: string, why: string): void => void fixed.push({action: `ec2:${action}`, allowed: null, detail: why, needed: needed.has(action)})
  probes.push({
    needed: needed.has('CreateNetworkInterface'),
    probe: {
      action: 'CreateNetworkInterface',
      securityGroupIds: node.newEniSecurityGroups.length > 0 ? node.newEniSecurityGroups : undefined,
      subnetId: node.newEniSubnet,
      tags: node.newEniTags,
    },
  })
  if (attachTo) {
    probes.push({
      needed: needed.has('AttachNetworkInterface'),
      probe: {action: 'AttachNetworkInterface', deviceIndex: nextDevice, instanceId: node.instanceId, networkInterfaceId: attachTo.id},
    })
  } else unsent('AttachNetworkInterface', 'not checkable: the node has no ENI to ask about')

  if (attachTo?.attachmentId) {
    probes.push({
      needed: needed.has('ModifyNetworkInterfaceAttribute'),
      probe: {action: 'ModifyNetworkInterfaceAttribute', attachmentId: attachTo.attachmentId, networkInterfaceId: attachTo.id},
    })
  } else unsent('ModifyNetworkInterfaceAttribute', 'not checkable: the node has no attached ENI to ask about')

  const assignWhat = node.prefixDelegation ? 'with Ipv4PrefixCount' : 'with SecondaryPrivateIpAddressCount'
  unsent('AssignPrivateIpAddresses', `not sent (${assignWhat}): EC2 has no DryRun for it`)
  unsent('UnassignPrivateIpAddresses', 'not sent: EC2 has no DryRun for it')
  if (target?.attachmentId) {
    probes.push({needed: needed.has('DetachNetworkInterface'), probe: {action: 'DetachNetworkInterface', attachmentId: target.attachmentId}})
    probes.push({needed: needed.has('DeleteNetworkInterface'), probe: {action: 'DeleteNetworkInterface', networkInterfaceId: target.id}})
  } else {
    // Never against an ENI ipamd leaves alone: EC2 would judge a call ipamd never makes.
    const why = 'not checkable: the node has no secondary ENI ipamd manages to ask about'
    unsent('DetachNetworkInterface', why)
    unsent('DeleteNetworkInterface', why)
  }

  return {fixed, probes}
}

/** The checks in ipamd's call order, probes answered. */
export function orderPermissionChecks(checks: PermissionCheck[]): PermissionCheck[] {
  const rank = (c: PermissionCheck): number => IPAMD_EC2_CALLS.indexOf(c.action.slice(4) as (typeof IPAMD_EC2_CALLS)[number])
  return [...checks].sort((a, b) => rank(a) - rank(b))
}

/** Exit 1: a call the projected actions need was refused. */
export const hasDeniedPermission = (checks: PermissionCheck[]): boolean => checks.some((c) => c.needed && c.allowed === false)
