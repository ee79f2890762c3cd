import {computeNodeDemand, type NodeDemand, type NodeDemandInput} from '../demand/node-demand.js'

/**
 * One plan asks the same node shape many times: the plan itself, each alternative, each warm-targets candidate tried on
 * every group. Each answer is a simulation, so it is kept for the plan's lifetime (keyed by the plan's input object).
 */
const memos = new WeakMap<object, Map<string, unknown>>()

export function remember<T>(owner: object, key: string, compute: () => T): T {
  let memo = memos.get(owner)
  if (!memo) memos.set(owner, (memo = new Map()))
  if (!memo.has(key)) memo.set(key, compute())
  return memo.get(key) as T
}

/** computeNodeDemand, once per node shape and settings within a plan. */
export function nodeDemandFor(owner: object, input: NodeDemandInput): NodeDemand {
  const key = `demand ${input.instance.instanceType} ${input.pods} ${input.branchPods ?? 0} ${input.churnPerHour ?? 0} ${JSON.stringify(input.config)}`
  return remember(owner, key, () => computeNodeDemand(input))
}
