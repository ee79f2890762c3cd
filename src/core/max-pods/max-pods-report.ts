import type {DataSource} from '../instance-type.js'
import type {MaxPodsResult} from './compute-max-pods.js'

/** What `vpccni max-pods --json` prints: a public contract (`results[]` with `maxPods`, `uncappedMaxPods`). */
export interface MaxPodsReport {
  data: {generatedAt?: string; region?: string; source: 'ec2' | 'embedded'; sources: DataSource[]}
  inputs: {
    cap: boolean
    cniVersion: string
    customNetworking: boolean
    maxEni: null | number
    prefix: boolean
    securityGroupsForPods: boolean
  }
  results: MaxPodsResult[]
  schemaVersion: 1
  /** One line per kind of warning, as printed on stderr. */
  warnings: string[]
}
