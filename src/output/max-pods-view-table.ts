import type {MaxPodsReport} from '../core/max-pods/max-pods-report.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'

/** For a terminal: the recommended value beside what it was derived from; on a narrow one MODE goes first, then IPV4/ENI and ENIS. */
export function renderMaxPodsTable(report: MaxPodsReport, style: Style, width?: number): string {
  const rows = report.results.map((r) => [
    r.instanceType,
    r.maxPods,
    r.uncappedMaxPods,
    r.capDerived ? r.cap : `${r.cap}?`,
    r.vcpus ?? '?',
    `${r.enis.usable}/${r.enis.defaultCard}`,
    r.ipv4PerEni,
    r.mode,
  ])
  return renderTable(
    ['TYPE', 'MAX PODS', 'IP-LIMITED', 'CAP', 'VCPUS', 'ENIS', 'IPV4/ENI', 'MODE'],
    rows,
    style,
    {
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      dropOrder: [undefined, undefined, undefined, 1, 2, 3, 4, 5],
      width,
    },
  )
}
