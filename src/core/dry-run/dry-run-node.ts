import type {CniVersion} from '../cni-version.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import {defaultMaxPods} from '../ipamd/node-shape.js'
import {buildIpamdSettings} from '../ipamd/parse-ipamd-settings.js'
import {buildDryRunReport} from './build-dry-run-report.js'
import {type FleetResult, skippedRow, summarizeFleet, toFleetRow} from './fleet-rows.js'
import type {DatastoreView} from './datastore-view.js'
import type {DryRunResult} from './dry-run-report.js'
import type {NodeGather} from './node-facts.js'
import {readNodeSettings} from './read-node-settings.js'

export interface DryRunContext {
  checkpoint: DatastoreView | null
  cniVersion: CniVersion
  findInstanceType: (name: string) => InstanceTypeLimits | undefined
  introspection: DatastoreView | null
  now: number
  /** `--set`, validated by parseSetAssignments. */
  set: Record<string, string>
}

/** Why a node cannot be projected: not an EC2 instance, or a type vpccni does not know. */
export function whyNotProjectable(gather: NodeGather, context: DryRunContext): null | string {
  if (!gather.node.instanceId) return 'not an EC2 instance (no aws:/// providerID): Fargate, hybrid or another cloud'
  if (!gather.node.instanceType) return 'no node.kubernetes.io/instance-type label'
  if (!context.findInstanceType(gather.node.instanceType)) return `instance type ${gather.node.instanceType} is not in vpccni's table`
  if (gather.enis.length === 0) return `EC2 shows no ENI attached to ${gather.node.instanceId}`
  return null
}

/** One node's dry-run, under its own settings and, with `--set`, under the proposed ones. */
export function dryRunNode(gather: NodeGather, context: DryRunContext): DryRunResult {
  const instance = context.findInstanceType(gather.node.instanceType ?? '')!
  const own = readNodeSettings(gather.agent.podEnv ?? gather.agent.daemonSetEnv).config
  const proposed = Object.keys(context.set).length > 0 ? buildIpamdSettings({}, context.set, own) : undefined
  const result = buildDryRunReport({
    checkpoint: context.checkpoint,
    gather,
    instance,
    introspection: context.introspection,
    maxPodsFallback: (config: Omit<IpamdConfig, 'maxPods'>) => defaultMaxPods(instance, config, context.cniVersion),
    now: context.now,
    proposed: proposed && {config: proposed.config, set: context.set},
  })
  for (const name of proposed?.unmodelled ?? []) result.warnings.push(`${name} does not change the warm pool; it is ignored here`)
  return result
}

/** `--all`: every node projected under its own settings, one row each; a node that cannot be is a skipped row. */
export function dryRunFleet(gathers: NodeGather[], context: DryRunContext): FleetResult {
  return summarizeFleet(
    gathers.map((gather) => {
      const why = whyNotProjectable(gather, context)
      return why ? skippedRow(gather.node.name, gather.node.instanceType, why) : toFleetRow(dryRunNode(gather, context))
    }),
  )
}
