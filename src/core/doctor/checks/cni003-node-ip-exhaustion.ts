import {readAwsNodeSettings} from '../aws-node-settings.js'
import type {CheckFinding, CheckInput} from '../check.js'
import {collectNodeFacts, type NodeFacts} from '../node-facts.js'

/** Whether ipamd can add nothing more: every ENI slot taken, every slot of the ENIs it fills used, every address bound. */
function isFull(f: NodeFacts, customNetworking: boolean): boolean {
  if (f.held === 0 || f.assigned < f.held || f.attachedEnis.length < f.maxPods.enis.afterMaxEni) return false
  const carriers = f.managedEnis.filter((e) => !(customNetworking && e.primary))
  return carriers.every((e) => e.secondaryIpAddresses.length + e.ipv4Prefixes.length >= f.maxPods.slotsPerEni)
}

/**
 * CNI003: a node whose ENIs are all attached and whose every address is bound to a pod. A node full at its kubelet
 * max-pods is as it should be; full while kubelet still admits pods is a warning, and pods already waiting there
 * for an address ("failed to assign an IP address to container") an error.
 */
export function checkNodeIpExhaustion(input: CheckInput<'awsNode' | 'networkInterfaces' | 'nodes' | 'pods'>): CheckFinding[] {
  const {awsNode, ...reads} = input.reads
  if (!awsNode) return []
  const settings = readAwsNodeSettings(awsNode, input.facts.envDefaults)
  // IPv6 pods take addresses from the /80 prefix of the primary ENI: no ENI limit to exceed.
  if (settings.ipv6) return []
  const findings: CheckFinding[] = []
  for (const f of collectNodeFacts(reads, settings, input.facts.instanceTypes)) {
    if (!isFull(f, settings.config.customNetworking)) continue
    const capacity = f.node.capacityPods ?? 0
    const room = capacity - f.runningPods - f.hostPods
    const pending = f.pendingWithoutIp.length
    if (pending === 0 && room <= 0) continue
    const unmanaged = f.attachedEnis.length - f.managedEnis.length
    findings.push({
      evidence: {
        addressesAssigned: f.assigned,
        addressesHeld: f.held,
        attachedEnis: f.attachedEnis.length,
        capacityPods: capacity,
        eniLimit: f.maxPods.enis.afterMaxEni,
        instanceType: f.limits.instanceType,
        pendingPods: f.pendingWithoutIp.slice(0, 10).map((p) => `${p.namespace}/${p.name}`),
        pendingWithoutAddress: pending,
        unmanagedEnis: unmanaged,
      },
      message:
        `all ${f.attachedEnis.length} ENIs attached and all ${f.held} pod addresses assigned` +
        (pending > 0 ? `; ${pending} pod${pending === 1 ? '' : 's'} waiting for an address` : `, while kubelet admits ${room} more pod${room === 1 ? '' : 's'}`) +
        (unmanaged > 0 ? ` (${unmanaged} ENI${unmanaged === 1 ? '' : 's'} not managed by aws-node take ENI slots)` : ''),
      remedy:
        unmanaged > 0
          ? `detach the ENIs aws-node does not manage, or lower kubelet max-pods to ${f.held + f.hostPods}; then move the waiting pods`
          : `lower kubelet max-pods to ${f.held + f.hostPods} or use a larger instance type or prefix delegation; delete the waiting pods so they schedule elsewhere`,
      resource: {kind: 'Node', name: f.node.name},
      severity: pending > 0 ? 'error' : 'warning',
    })
  }

  return findings
}
