import type {HealthFacts} from '../../core/doctor/health-reads.js'
import {CNI_RELEASE_DATA} from '../../data/cni-releases.generated.js'
import {DIFF_REFERENCE_DATA} from '../../data/diff-reference.js'

/** The release knowledge (compat) and the release DaemonSets (diff) the health checks hand to those engines. */
export function healthFacts(): HealthFacts {
  return {diffReference: DIFF_REFERENCE_DATA, releases: CNI_RELEASE_DATA}
}
