import Table from 'cli-table3'

import type {Style} from './style.js'

/** A borderless table for terminals; `align` per column, left by default. */
export function renderTable(
  head: string[],
  rows: Array<Array<number | string>>,
  style: Style,
  align: Array<'left' | 'right'> = [],
): string {
  const table = new Table({
    chars: {
      bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      middle: '  ', right: '', 'right-mid': '', top: '', 'top-left': '', 'top-mid': '', 'top-right': '',
    },
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    head: head.map((h) => style.bold(h)),
    style: {border: [], compact: true, head: [], 'padding-left': 0, 'padding-right': 0},
  })
  for (const row of rows) table.push(row.map(String))
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n')
}
