import type {IpSummary} from '../core/doctor/ip-summary.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'
import {wrapText} from './wrap-text.js'

/** Where prose wraps when no width is given (a pipe): what a terminal and a CI log show. */
export const PIPE_PROSE_WIDTH = 80

/** Up to this many nodes are listed one per line; more are in --json only. */
const NODE_ROWS = 20

const num = (n: null | number): string => (n === null ? '-' : n.toLocaleString('en-US'))

/**
 * The IP summary: the total, one row per subnet and, for small clusters, per node (wide columns dropped on narrow
 * terminals). Without FITTO (a pipe) the rows stay whole: no column left out, node names uncut.
 */
export function renderIpSummary(summary: IpSummary, style: Style, fitTo: number | undefined): string[] {
  const width = fitTo ?? PIPE_PROSE_WIDTH
  const {total} = summary
  const totals = `total: ${num(total.held)} held, ${num(total.assigned)} assigned to pods, ${num(total.free)} free in the warm pools, ${num(total.max)} at most`
  const lines = [style.bold('IP addresses'), ...wrapText(totals, width, '    ', '  ')]
  // The tables are indented by two: they get what is left of the width.
  const tableWidth = fitTo === undefined ? undefined : fitTo - 2
  if (summary.subnets.length > 0) {
    const wide = width >= 100
    const head = ['subnet', 'zone', ...(wide ? ['cidr'] : []), 'held', 'assigned', 'free', 'subnet free']
    const rows = summary.subnets.map((s) => [s.subnetId, s.availabilityZone ?? '-', ...(wide ? [s.cidrBlock ?? '-'] : []), num(s.held), num(s.assigned), num(s.free), num(s.availableInSubnet)])
    lines.push('', ...indent(renderTable(head, rows, style, {
      align: ['left', 'left', ...(wide ? ['left' as const] : []), 'right', 'right', 'right', 'right'],
      // A narrow terminal loses the zone (the subnet ID names it), then what the pods were assigned, then what is held,
      // keeping what runs out: the warm pools' free addresses and the subnet's. (The highest goes first.)
      dropOrder: [undefined, 3, ...(wide ? [undefined] : []), 1, 2],
      width: tableWidth,
    })))
  }

  if (summary.nodes.length > 0 && summary.nodes.length <= NODE_ROWS) {
    const rows = summary.nodes.map((n) => [n.node, n.instanceType ?? '-', num(n.held), num(n.assigned), num(n.free), num(n.max)])
    const nameWidth = fitTo === undefined ? Number.POSITIVE_INFINITY : Math.max(10, fitTo - 46)
    const clipped = rows.map(([name, ...rest]) => [String(name).length > nameWidth ? `${String(name).slice(0, nameWidth - 1)}…` : name, ...rest])
    lines.push('', ...indent(renderTable(['node', 'type', 'held', 'assigned', 'free', 'max'], clipped, style, {
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      // As for subnets: the type, then assigned, then held go before what says how close the node is to its limit.
      dropOrder: [undefined, 3, 1, 2],
      width: tableWidth,
    })))
  } else if (summary.nodes.length > NODE_ROWS) {
    lines.push(`  per node: ${summary.nodes.length} nodes, in --json (ipSummary.nodes)`)
  }

  return lines
}

const indent = (text: string): string[] => text.split('\n').map((line) => `  ${line}`)
