import type {Evaluation} from './evaluate-candidate.js'
import {EC2_BUDGET} from './warm-pitfalls.js'

/** The constraints a setting can fail, each named in the table row it labels. */
export type FailedConstraint = 'ec2-cluster-budget' | 'ec2-node-budget' | 'pods-wait' | 'pods-without-address'

export function failedConstraints(e: Evaluation): FailedConstraint[] {
  const m = e.metrics
  const failed: FailedConstraint[] = []
  if (m.podsWithoutAddress > 0) failed.push('pods-without-address')
  if (m.podsWaited > 0) failed.push('pods-wait')
  if (m.ec2CallsPerHourPerNode > EC2_BUDGET.perHourPerNode) failed.push('ec2-node-budget')
  if (m.ec2CallsPerHourCluster > EC2_BUDGET.perHourCluster) failed.push('ec2-cluster-budget')
  return failed
}

/** No pod waited or went without an address, and EC2 calls stayed within the budget. */
export function isFeasible(e: Evaluation): boolean {
  return failedConstraints(e).length === 0
}

const overBudget = ({metrics}: Evaluation): number =>
  Math.max(0, metrics.ec2CallsPerHourCluster - EC2_BUDGET.perHourCluster) +
  Math.max(0, metrics.ec2CallsPerHourPerNode - EC2_BUDGET.perHourPerNode)

/** Idle addresses rounded to a tenth, so simulation noise does not outweigh a real difference in EC2 calls. */
const idle = (e: Evaluation): number => Math.round(e.metrics.idleIpsPerNode * 10)

/**
 * Best first: feasible settings by fewest idle addresses, then fewest EC2 calls; the rest by fewest
 * pods without an address, fewest that waited, least over the EC2 budget, fewest idle.
 */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  const fa = isFeasible(a)
  const fb = isFeasible(b)
  if (fa !== fb) return fa ? -1 : 1
  if (fa) return idle(a) - idle(b) || a.metrics.ec2CallsPerHourPerNode - b.metrics.ec2CallsPerHourPerNode
  return (
    a.metrics.podsWithoutAddress - b.metrics.podsWithoutAddress ||
    a.metrics.podsWaited - b.metrics.podsWaited ||
    overBudget(a) - overBudget(b) ||
    idle(a) - idle(b)
  )
}
