import type {DryRunAction} from './describe-action.js'
import type {DryRunResult} from './dry-run-report.js'

/** One node of `ipamd dry-run --all`. */
export interface FleetRow {
  assignedIps: null | number
  heldIps: null | number
  instanceType: null | string
  /** The first projected action, `none`, or why the node was not projected. */
  next: string
  nextAction: null | Pick<DryRunAction, 'count' | 'kind' | 'unit' | 'when'>
  node: string
  /** Pending pods that will get no address. */
  podsWithoutAddress: number
  projectedIps: null | number
  /** With --set: the addresses held under the proposed settings. */
  proposedIps: null | number
}

export interface FleetResult {
  nodes: FleetRow[]
  /** Nodes with pods that will get no address. */
  nodesShort: number
  schemaVersion: 1
  /** Nodes that could not be projected (not EC2, unknown type), and why. */
  skipped: number
}

export function toFleetRow(result: DryRunResult): FleetRow {
  const first = result.actions[0]
  return {
    assignedIps: result.current.assignedIps,
    heldIps: result.current.totalIps,
    instanceType: result.instance.type,
    next: first ? first.text : result.podsWithoutAddress > 0 ? 'none: blocked' : 'none',
    nextAction: first ? {count: first.count, kind: first.kind, unit: first.unit, when: first.when} : null,
    node: result.node,
    podsWithoutAddress: result.podsWithoutAddress,
    projectedIps: result.projectedState.totalIps,
    proposedIps: result.proposed?.projectedState.totalIps ?? null,
  }
}

export function skippedRow(node: string, instanceType: null | string, why: string): FleetRow {
  return {assignedIps: null, heldIps: null, instanceType, next: `skipped: ${why}`, nextAction: null, node, podsWithoutAddress: 0, projectedIps: null, proposedIps: null}
}

export function summarizeFleet(rows: FleetRow[]): FleetResult {
  return {
    nodes: rows,
    nodesShort: rows.filter((r) => r.podsWithoutAddress > 0).length,
    schemaVersion: 1,
    skipped: rows.filter((r) => r.heldIps === null).length,
  }
}
