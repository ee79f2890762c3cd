import {UserError} from '../../errors.js'
import type {WorkloadShape} from './build-workload.js'

/** The workload flags as numbers; a node cannot be asked to run more pods than kubelet's max pods. */
export function checkWorkloadFits(input: {burst: number; churn: string; maxPods: number; peak?: number; pods: number}): WorkloadShape {
  const churnPerMinute = Number(input.churn)
  if (!/^\d+(\.\d+)?$/.test(input.churn.trim()) || !Number.isFinite(churnPerMinute)) {
    throw new UserError(`--churn must be a non-negative number of pod starts per minute, got "${input.churn}"`)
  }

  const peak = input.peak ?? input.pods
  if (peak < input.pods) throw new UserError(`--peak ${peak} is below --pods ${input.pods}`)
  const most = Math.max(peak, input.pods + input.burst)
  if (most > input.maxPods) {
    throw new UserError(`${most} pods on one node is more than its max pods (${input.maxPods})`, {
      hint: 'lower --pods, --peak or --burst, or pass --max-pods if kubelet allows more',
    })
  }

  return {burst: input.burst, churnPerMinute, peak, pods: input.pods}
}
