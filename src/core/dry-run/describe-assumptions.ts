import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import {dependsOnPlacement} from '../ipamd/ipamd-order.js'

export interface AssumptionContext {
  checkpoint: boolean
  config: IpamdConfig
  eniCount: number
  introspection: boolean
  limits: PoolLimits
  maxPodsFromNode: boolean
  newEniSubnet: string
  startedAt: boolean
  /** ENIs with neither an attach time nor a known aws-node start. */
  unknownAgeEnis: string[]
}

/** What the dry-run had to take as given because neither EC2 nor Kubernetes shows it (ipamd-dry-run-inputs.md). */
export function describeAssumptions(context: AssumptionContext): string[] {
  const {config, limits} = context
  const assumptions: string[] = []
  if (!context.introspection) {
    assumptions.push(`no IP is cooling: without --introspection, IP_COOLDOWN_PERIOD (${config.ipCooldownSeconds} s) is taken as over for every address`)
  }

  if (!context.introspection && !context.checkpoint) {
    assumptions.push("assigned addresses are the pods' IPs: without --checkpoint or --introspection, addresses ipamd still holds for deleted pods are not seen")
  }

  assumptions.push("the release throttle has elapsed: ipamd's last release (at most one per 30 s) is not visible")
  if (context.startedAt || context.unknownAgeEnis.length < context.eniCount) assumptions.push(
    context.startedAt
      ? 'ENI ages count from the later of the EC2 attach time and the aws-node container start (ipamd rebuilds its datastore at start)'
      : 'ENI ages count from the EC2 attach time: the aws-node container start is unknown',
  )
  if (context.unknownAgeEnis.length > 0) {
    const which = context.unknownAgeEnis.join(', ')
    assumptions.push(`${which}: no attach time and no aws-node start, so taken as attached now (AGE ?): not freed for its first 60 s`)
  }
  assumptions.push('no InsufficientCidrBlocks error in the last 120 s (that freeze shows only in ipamd.log and its metrics)')
  assumptions.push(`a new ENI goes into ${context.newEniSubnet}`)
  if (!context.maxPodsFromNode) assumptions.push(`max pods ${config.maxPods}: the node reports no status.capacity.pods`)
  assumptions.push(
    dependsOnPlacement(config, limits)
      ? 'pending pods are placed packed (lowest ENI, then lowest prefix); ipamd picks in Go map order, which can change how many prefixes it adds: placementRange gives the spread over seeded random runs'
      : 'pending pods are placed packed (lowest ENI, then lowest CIDR); ipamd picks in Go map order, so which ENI or prefix empties first may differ (the counts do not)',
  )

  assumptions.push("times are counted from now on ipamd's 5 s reconcile grid")
  return assumptions
}
