import type {IpamdConfig} from '../ipamd/ipamd-config.js'
import type {CandidateMetrics} from './evaluate-candidate.js'

export interface Pitfall {
  code:
    | 'cooldown-starvation'
    | 'ec2-throttling'
    | 'minimum-without-warm'
    | 'prefix-fragmentation'
    | 'small-warm-ip'
    | 'warm-ip-minimum-together'
    | 'warm-eni-zero-flapping'
    | 'warm-ip-without-minimum'
    | 'warm-prefix-zero'
  message: string
}

/** Below this, every pod past the warm IPs waits for an EC2 call: cheap on a quiet node, many small calls under churn. */
export const SMALL_WARM_IP_TARGET = 2

/** EC2 mutating calls share an account-wide token bucket (refill 5/s); keep ipamd's share of it small. */
export const EC2_BUDGET = {perHourCluster: 1800, perHourPerNode: 60}

/**
 * The known traps (recurring aws/amazon-vpc-cni-k8s issues: pool waste, WARM_IP_TARGET throttling, cooldown starvation, target-0 flapping; ipamd's config validation) that apply to a
 * setting, given what its simulation showed.
 */
export function findPitfalls(config: IpamdConfig, metrics: CandidateMetrics, prefixDelegation: boolean): Pitfall[] {
  const found = warmIpPairPitfalls(config)
  const {minimumIpTarget: mit, warmIpTarget: wit} = config

  if (metrics.ec2CallsPerHourPerNode > EC2_BUDGET.perHourPerNode || metrics.ec2CallsPerHourCluster > EC2_BUDGET.perHourCluster) {
    found.push({
      code: 'ec2-throttling',
      message: `${Math.round(metrics.ec2CallsPerHourCluster)} EC2 calls per hour across the cluster risk RequestLimitExceeded throttling (a small WARM_IP_TARGET under churn)`,
    })
  }

  if (metrics.podsWaited > 0 && wit > 0) {
    found.push({code: 'cooldown-starvation', message: 'pods waited for an address: released IPs cool down for 30 s yet count as available, so the pool does not grow'})
  }

  if (prefixDelegation && config.warmPrefixTarget === 0 && wit === 0 && mit === 0) {
    found.push({code: 'warm-prefix-zero', message: 'WARM_PREFIX_TARGET=0 with no warm-IP target: aws-node refuses to start'})
  }

  if (!prefixDelegation && config.customNetworking && config.warmEniTarget === 0 && wit === 0 && mit === 0) {
    found.push({code: 'warm-eni-zero-flapping', message: 'WARM_ENI_TARGET=0 with custom networking: ENIs are attached and freed in a loop (issue #1451)'})
  }

  return found
}

/** WARM_IP_TARGET or MINIMUM_IP_TARGET set without the other: traps of the setting alone, whatever a simulation shows. */
export function warmIpPairPitfalls(config: Pick<IpamdConfig, 'minimumIpTarget' | 'warmIpTarget'>): Pitfall[] {
  const found: Pitfall[] = []
  const {minimumIpTarget: mit, warmIpTarget: wit} = config
  if (wit > 0 && mit === 0) {
    found.push({code: 'warm-ip-without-minimum', message: 'WARM_IP_TARGET without MINIMUM_IP_TARGET: every new node grows its pool a few IPs per EC2 call'})
  }

  if (mit > 0 && wit === 0) {
    found.push({code: 'minimum-without-warm', message: `MINIMUM_IP_TARGET without WARM_IP_TARGET: the pool stops at ${mit} IPs and further pods get no address`})
  }

  return found
}

/** Cautions for the mode and the kind of setting recommended, whatever its simulation showed. */
export function modePitfalls(prefixDelegation: boolean, config: IpamdConfig): Pitfall[] {
  const found: Pitfall[] = []
  if (config.warmIpTarget > 0 && config.minimumIpTarget > 0) {
    // A reminder for a setting that has both: its own code, so scripts can tell it from the WARM_IP_TARGET-alone pitfall.
    found.push({
      code: 'warm-ip-minimum-together',
      message:
        'set WARM_IP_TARGET and MINIMUM_IP_TARGET together: WARM_IP_TARGET alone makes each new node grow a few IPs per EC2 call, ' +
        'MINIMUM_IP_TARGET alone stops the pool at the minimum',
    })
  }

  if (config.warmIpTarget > 0 && config.warmIpTarget < SMALL_WARM_IP_TARGET) {
    found.push({
      code: 'small-warm-ip',
      message:
        `WARM_IP_TARGET=${config.warmIpTarget} leaves almost no headroom: each pod start past it waits for an EC2 call, and under churn or a rollout ` +
        'the many small AssignPrivateIpAddresses calls risk throttling (give --burst and --churn for your real workload)',
    })
  }

  if (prefixDelegation) found.push({code: 'warm-prefix-zero', message: 'keep WARM_PREFIX_TARGET at 1 or more: 0 makes prefixes flap, and with no warm-IP target aws-node refuses to start'})
  if (!prefixDelegation) return found
  return [
    ...found,
    {
      code: 'prefix-fragmentation',
      message:
        'prefix delegation needs free contiguous /28 blocks: a fragmented subnet fails with InsufficientCidrBlocks although it shows free IPs ' +
        '(reserve CIDRs for prefixes with a subnet CIDR reservation, or use a new subnet)',
    },
  ]
}
