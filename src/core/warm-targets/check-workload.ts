import {UserError} from '../../errors.js'
import {quoteInput} from '../quote-input.js'
import type {WorkloadShape} from './build-workload.js'

/**
 * Without --burst, a rollout of a quarter of the node's pods: Kubernetes' default maxSurge for a Deployment is 25%.
 * A burst of 0 would recommend a pool for a node that never starts a pod, where WARM_IP_TARGET=1 "wins" and then
 * throttles EC2 on the first rollout (user-problems.md, problem 6).
 */
export const DEFAULT_BURST_SHARE = 0.25

/**
 * Ten pod starts a second on one node: kubelet reports each pod's status to the API server at 50 requests a second
 * by default (--kube-api-qps, Kubernetes 1.27 and later), a few requests per pod start.
 */
export const MOST_POD_STARTS_PER_MINUTE = 600

export function defaultBurst(pods: number, room: number): number {
  return Math.max(0, Math.min(Math.ceil(pods * DEFAULT_BURST_SHARE), room))
}

/**
 * The workload flags as numbers; a node cannot be asked to run more pods than kubelet's max pods,
 * neither by the flags nor by a trace (`tracePeak`: the most pods it puts on the node).
 */
export function checkWorkloadFits(input: {burst?: number; churn: string; maxPods: number; peak?: number; pods: number; tracePeak?: number}): WorkloadShape {
  if (!/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(input.churn.trim())) {
    throw new UserError(`--churn must be a non-negative number of pod starts per minute, got ${quoteInput(input.churn)}`)
  }

  // Churn is the workload's event count, so it is bounded by what a node does: every pod it holds replaced each minute,
  // and never more than MOST_POD_STARTS_PER_MINUTE. A number too large for a double (1e400) is past that bound too.
  const churnPerMinute = Number(input.churn)
  const most = Math.min(input.maxPods, MOST_POD_STARTS_PER_MINUTE)
  if (!(churnPerMinute <= most)) {
    const why = most === input.maxPods ? `every pod of a node with max pods ${most} replaced each minute` : 'ten a second, more than kubelet keeps up with'
    const shown = Number.isFinite(churnPerMinute) ? String(churnPerMinute) : quoteInput(input.churn.trim())
    throw new UserError(`--churn ${shown} pod starts per minute is more than one node runs: at most ${most} (${why})`)
  }

  const peak = input.peak ?? input.pods
  if (peak < input.pods) throw new UserError(`--peak ${peak} is below --pods ${input.pods}`)
  const burstAssumed = input.burst === undefined
  const burst = input.burst ?? defaultBurst(input.pods, input.maxPods - input.pods)
  const busiest = Math.max(peak, input.pods + burst, input.tracePeak ?? 0)
  if (busiest > input.maxPods) {
    const lower = input.tracePeak === undefined ? '--pods, --peak or --burst' : '--pods or the pods in the trace'
    throw new UserError(`${busiest} pods on one node is more than its max pods (${input.maxPods})`, {
      hint: `lower ${lower}, or pass --max-pods if kubelet allows more`,
    })
  }

  return {burst, burstAssumed, churnPerMinute, peak, pods: input.pods}
}
