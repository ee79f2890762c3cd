import type {IpamdConfig, PoolLimits} from '../ipamd/ipamd-config.js'
import type {WorkloadShape} from './build-workload.js'

/** One setting to try: the aws-node variables it writes (strings, as in the DaemonSet) and the config they give. */
export interface Candidate {
  config: IpamdConfig
  env: Record<string, string>
  /** The setting the user gave with --set, simulated as given: compared, never silently replaced. */
  isCurrent?: boolean
  /** The manifest's own settings (WARM_ENI_TARGET=1, or WARM_PREFIX_TARGET=1 with prefix delegation). */
  isDefault: boolean
}

/** The variables warm-targets chooses among. */
export const TUNED_VARIABLES = ['WARM_ENI_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET', 'WARM_PREFIX_TARGET']

const sameEnv = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, value]) => b[name] === value)

/** The candidates with the user's setting among them: marked where it is one of them, else added. */
export function withCurrent(candidates: Candidate[], current: Candidate | undefined): Candidate[] {
  if (!current) return candidates
  const same = candidates.find((c) => sameEnv(c.env, current.env))
  return same ? candidates.map((c) => (c === same ? {...c, isCurrent: true} : c)) : [current, ...candidates]
}

/** The user's own warm settings from --set, if any, as a candidate of their own. */
export function currentCandidate(base: IpamdConfig, setEnv: Record<string, string>): Candidate | undefined {
  const env = Object.fromEntries(TUNED_VARIABLES.filter((name) => name in setEnv).map((name) => [name, setEnv[name]]))
  return Object.keys(env).length > 0 ? {config: base, env, isCurrent: true, isDefault: false} : undefined
}

const WARM_IP_STEPS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 64]

function warmIpCandidates(base: IpamdConfig, shape: WorkloadShape, capacity: number): Candidate[] {
  // Never MINIMUM_IP_TARGET alone (it freezes growth) nor WARM_IP_TARGET alone (EC2 calls on every node start).
  const minimums = [...new Set([shape.pods, shape.peak].filter((n) => n > 0))]
  const candidates: Candidate[] = []
  for (const warm of WARM_IP_STEPS.filter((w) => w <= capacity)) {
    for (const minimum of minimums) {
      candidates.push({
        config: {...base, minimumIpTarget: minimum, warmIpTarget: warm},
        env: {WARM_IP_TARGET: String(warm), MINIMUM_IP_TARGET: String(minimum)},
        isDefault: false,
      })
    }
  }

  return candidates
}

/**
 * The settings worth simulating for a node: the manifest default, the coarse targets (WARM_ENI_TARGET,
 * or WARM_PREFIX_TARGET with prefix delegation), and WARM_IP_TARGET with MINIMUM_IP_TARGET set to
 * the steady or peak pod count.
 */
export function listCandidates(base: IpamdConfig, limits: PoolLimits, shape: WorkloadShape): Candidate[] {
  const capacity = limits.maxEni * limits.maxIpsPerEni
  // The apply line of a coarse target removes WARM_IP_TARGET and MINIMUM_IP_TARGET, which would otherwise take precedence.
  const coarseBase: IpamdConfig = {...base, minimumIpTarget: 0, warmIpTarget: 0}
  const coarse: Candidate[] = limits.prefixDelegation
    ? [1, 2, 3].map((w) => ({config: {...coarseBase, warmPrefixTarget: w}, env: {WARM_PREFIX_TARGET: String(w)}, isDefault: w === 1}))
    : [1, 2].map((w) => ({config: {...coarseBase, warmEniTarget: w}, env: {WARM_ENI_TARGET: String(w)}, isDefault: w === 1}))
  return [...coarse, ...warmIpCandidates(base, shape, capacity)]
}
