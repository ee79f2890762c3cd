import type {PoolState} from './pool-state.js'

export interface TimelineSample {
  assigned: number
  enis: number
  held: number
  seconds: number
}

/** What a timed run cost and how pods fared. */
export interface SimulationReport {
  addresses: {
    /** Time-weighted means over the run. */
    averageAssigned: number
    averageHeld: number
    averageIdle: number
    peakHeld: number
  }
  durationSeconds: number
  /** Mutating EC2 calls by API name, and their total. */
  ec2Calls: Record<string, number>
  ec2CallsTotal: number
  eniAttachments: number
  eniFrees: number
  finalState: PoolState
  peakEnis: number
  pods: {
    /** Pods still without an address when the run ended. */
    neverPlaced: number
    started: number
    waited: number
    waitSecondsMax: number
    waitSecondsTotal: number
  }
  timeline: TimelineSample[]
}

export function createEmptyReport(durationSeconds: number, state: PoolState, held: number, enis: number): SimulationReport {
  return {
    addresses: {averageAssigned: 0, averageHeld: 0, averageIdle: 0, peakHeld: held},
    durationSeconds,
    ec2Calls: {},
    ec2CallsTotal: 0,
    eniAttachments: 0,
    eniFrees: 0,
    finalState: state,
    peakEnis: enis,
    pods: {neverPlaced: 0, started: 0, waited: 0, waitSecondsMax: 0, waitSecondsTotal: 0},
    timeline: [],
  }
}
