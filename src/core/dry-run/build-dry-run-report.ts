import type {InstanceTypeLimits} from '../instance-type.js'
import {type IpamdConfig, type PoolLimits, resolvePoolLimits} from '../ipamd/ipamd-config.js'
import {describeMinimumOnlyFreeze, describeModeWarnings} from '../ipamd/mode-warnings.js'
import {snapshotPool} from '../ipamd/pool-snapshot.js'
import type {PoolState} from '../ipamd/pool-state.js'
import type {DatastoreView} from './datastore-view.js'
import {describeAction} from './describe-action.js'
import {describeAssumptions} from './describe-assumptions.js'
import type {DryRunProjection, DryRunResult} from './dry-run-report.js'
import {describeGrowthLimits} from './growth-limits.js'
import {mapNodeState} from './map-node-state.js'
import type {NodeGather} from './node-facts.js'
import {projectPlacementRange} from './placement-range.js'
import {projectPool} from './project-pool.js'
import {differingSettings, readNodeSettings} from './read-node-settings.js'
import {chooseNewEniPlacement, type NewEniPlacement} from './new-eni-placement.js'

/** The variables the projection reads: one set elsewhere than in the env cannot be known here. */
const MODEL_INPUTS = new Set([
  'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'CLUSTER_NAME', 'ENABLE_MULTI_NIC', 'ENABLE_POD_ENI', 'ENABLE_PREFIX_DELEGATION',
  'ENABLE_SUBNET_DISCOVERY', 'ENI_CONFIG_ANNOTATION_DEF', 'ENI_CONFIG_LABEL_DEF', 'IP_COOLDOWN_PERIOD', 'MANAGE_UNTAGGED_ENI',
  'MAX_ENI', 'MINIMUM_IP_TARGET', 'WARM_ENI_TARGET', 'WARM_IP_TARGET', 'WARM_PREFIX_TARGET',
])

export interface DryRunInput {
  checkpoint: DatastoreView | null
  gather: NodeGather
  instance: InstanceTypeLimits
  introspection: DatastoreView | null
  /** Max pods when the node reports none (the recommended value for the type and mode). */
  maxPodsFallback: (config: Omit<IpamdConfig, 'maxPods'>) => number
  /** Unix seconds. */
  now: number
  /** With --set: the settings to project beside the node's own (already validated). */
  proposed?: {config: Omit<IpamdConfig, 'maxPods'>; set: Record<string, string>}
}

export function buildDryRunReport(input: DryRunInput): DryRunResult {
  const {agent, node} = input.gather
  const env = agent.podEnv ?? agent.daemonSetEnv
  const settings = readNodeSettings(env)
  const maxPods = node.capacityPods ?? input.maxPodsFallback(settings.config)
  const config: IpamdConfig = {...settings.config, maxPods}
  const limits = resolvePoolLimits(config, input.instance)
  const mapped = mapNodeState(input.gather, settings, input.introspection ?? input.checkpoint, input.now, limits.prefixDelegation)
  const differs = agent.podEnv ? differingSettings(agent.podEnv, agent.daemonSetEnv) : []
  if (differs.length > 0) {
    const detail = `${agent.podName} started with other values than the DaemonSet now has (${differs.join(', ')}): ipamd uses the pod's until it restarts`
    mapped.anomalies.push({code: 'settings-predate-daemonset', detail, subject: agent.podName ?? 'aws-node'})
  }

  const placement = chooseNewEniPlacement(input.gather, config)
  const project = (projectConfig: IpamdConfig): DryRunProjection => {
    const projectLimits = resolvePoolLimits(projectConfig, input.instance)
    return runProjection(mapped.state, projectConfig, projectLimits, input, mapped.pendingPods.length, placement, settings.noWarmPool)
  }

  const current = project(config)
  const freeze = describeMinimumOnlyFreeze(config)
  const warnings = [...settings.fallbacks, ...describeModeWarnings(config, input.instance, limits), ...(freeze ? [freeze] : [])]
  if (settings.noWarmPool) warnings.push(`${settings.noWarmPool}=true: ipamd runs no warm pool on this node, so it makes no EC2 call`)
  const unresolved = agent.unresolved.filter((name) => MODEL_INPUTS.has(name))
  if (agent.podEnvMissing) warnings.push(`${agent.podName} runs on the node, but its env is not in the input: the DaemonSet's settings are used`)
  if (unresolved.length > 0) warnings.push(`set from a ConfigMap, Secret or field, so not known here (defaults used): ${unresolved.join(', ')}`)
  if (placement.unusable) mapped.anomalies.push({code: 'no-eni-subnet', detail: placement.unusable, subject: placement.eniConfig ?? placement.subnetId})

  const proposedConfig = input.proposed && {...input.proposed.config, maxPods}
  // Keys in the order the JSON contract shows them (issue 11): node and settings first, then the projection.
  return {
    schemaVersion: 1,
    node: node.name,
    instance: {
      id: node.instanceId ?? '',
      maxPods,
      maxPodsFrom: node.capacityPods === null ? 'computed' : 'node capacity',
      type: input.instance.instanceType,
      zone: node.zone,
    },
    settings: {
      ...config,
      differsFromDaemonSet: differs,
      fallbacks: settings.fallbacks,
      pod: agent.podName,
      source: agent.podEnv ? 'pod' : 'daemonset',
      startedAt: agent.startedAt,
    },
    current: {...snapshotPool(mapped.state, limits), interfaces: mapped.interfaces, pendingPods: mapped.pendingPods},
    actions: current.actions,
    projectedState: current.projectedState,
    limits: current.limits,
    anomalies: mapped.anomalies,
    assumptions: describeAssumptions({
      checkpoint: input.checkpoint !== null,
      config,
      eniCount: mapped.interfaces.length,
      introspection: input.introspection !== null,
      limits,
      maxPodsFromNode: node.capacityPods !== null,
      newEniSubnet: placement.description,
      startedAt: agent.startedAt !== null,
      unknownAgeEnis: mapped.interfaces.filter((eni) => eni.ageSeconds === null).map((eni) => eni.id),
    }),
    blocked: current.blocked,
    cycle: current.cycle,
    placementRange: current.placementRange,
    podsWithoutAddress: current.podsWithoutAddress,
    settled: current.settled,
    mode: limits.prefixDelegation ? 'prefix' : 'secondary-ip',
    poolLimits: limits,
    inputs: {checkpoint: input.checkpoint?.file ?? null, introspection: input.introspection?.file ?? null},
    proposed: proposedConfig && {...project(proposedConfig), set: input.proposed!.set, settings: proposedConfig},
    warnings,
  }
}

function runProjection(
  state: PoolState,
  config: IpamdConfig,
  limits: PoolLimits,
  input: DryRunInput,
  pending: number,
  placement: NewEniPlacement,
  noWarmPool: null | string,
): DryRunProjection {
  const free = new Map<string, number>()
  for (const subnet of input.gather.subnets) if (subnet.availableIpAddressCount !== null) free.set(subnet.subnetId, subnet.availableIpAddressCount)
  const budget = {free, newEniSubnet: placement.subnetId, noNewEni: placement.unusable}
  const projection = noWarmPool
    ? {actions: [], blocked: [], cycle: null, placed: 0, refused: [], settled: true, state: structuredClone(state)}
    : projectPool(state, config, limits, input.now, pending, budget)
  const asked = [...projection.actions, ...projection.refused]
  const short = pending - projection.placed
  const context = {config, limits, newEniSubnet: placement.subnetId, noNewEni: placement.unusable, podsLeftWaiting: short, subnets: input.gather.subnets}
  const growth = describeGrowthLimits(state, projection.state, asked, context)
  return {
    actions: projection.actions.map((action) => describeAction(action, config)),
    blocked: projection.blocked,
    cycle: projection.cycle,
    limits: growth,
    placementRange: noWarmPool ? null : projectPlacementRange(state, config, limits, input.now, pending, budget),
    podsWithoutAddress: Math.max(0, short),
    projectedState: snapshotPool(projection.state, limits),
    settled: projection.settled,
  }
}
