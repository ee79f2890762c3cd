import type {IpSummary} from '../core/doctor/ip-summary.js'
import {fitLabels} from './fit-labels.js'
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
    // Too long for the terminal: the domain every node shares goes first, then the names are cut where they still differ
    // (ip-10-0-3… for three nodes of one /16 would name none of them).
    const nameWidth = Math.max(10, (fitTo ?? 0) - 46)
    const full = rows.map((r) => String(r[0]))
    const names = fitTo === undefined || full.every((n) => n.length <= nameWidth) ? full : fitLabels(withoutSharedDomain(full), nameWidth)
    const clipped = rows.map(([, ...rest], i) => [names[i], ...rest])
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

/** Names without the DNS domain they all share (`.us-west-2.compute.internal`), when they all have one. */
function withoutSharedDomain(names: string[]): string[] {
  const domainOf = (name: string) => (name.includes('.') ? name.slice(name.indexOf('.')) : '')
  const domain = domainOf(names[0])
  return domain && names.every((n) => domainOf(n) === domain) ? names.map((n) => n.slice(0, -domain.length)) : names
}

const indent = (text: string): string[] => text.split('\n').map((line) => `  ${line}`)
