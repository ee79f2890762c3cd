import {UserError} from '../../errors.js'
import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import {defaultMaxPods, ipLimitedPods} from '../ipamd/node-shape.js'
import {HOST_NETWORK_PODS} from '../max-pods/compute-max-pods.js'
import type {ResolvedGroup} from './plan-figures.js'
import type {PlanInput} from './plan-input.js'

/**
 * Max pods and pods per node for the plan's own settings. A group without a pod count runs full nodes: max pods
 * less the two host-network pods (aws-node, kube-proxy), which take no VPC address but count against max pods. More pods
 * than that room is bad input.
 */
export function resolveGroups(input: PlanInput): Array<ResolvedGroup & {podsAssumed: boolean}> {
  return input.groups.map((group) => {
    const maxPods = defaultMaxPods(group.instance, input.settings, input.cniVersion, group.maxPods ?? undefined)
    const pods = group.podsPerNode ?? Math.max(0, maxPods - HOST_NETWORK_PODS)
    if (pods > maxPods - HOST_NETWORK_PODS) {
      throw new UserError(`node group ${group.name}: ${pods} pods per node and the ${HOST_NETWORK_PODS} host-network pods are more than the max pods of ${group.instance.instanceType} (${maxPods})`, {
        hint: 'lower the pods per node, or set max pods for the group if kubelet allows more',
      })
    }

    return {group, maxPods, pods, podsAssumed: group.podsPerNode === null}
  })
}

/**
 * The same groups under other settings: the pods stay. Max pods is the group's own (--max-pods, maxPodsPerNode, the
 * node's capacity) where the new mode's ENIs address that many pods, else what they address; a group that sets none
 * gets the recommended value for the new mode.
 */
export function regroup(input: PlanInput, settings: Omit<IpamdConfig, 'maxPods'>, base: ResolvedGroup[]): ResolvedGroup[] {
  return base.map(({group, pods}) => {
    const maxPods = group.maxPods === null
      ? defaultMaxPods(group.instance, settings, input.cniVersion)
      : Math.min(group.maxPods, ipLimitedPods(group.instance, settings, input.cniVersion))
    return {group, maxPods, pods}
  })
}
