import Table from 'cli-table3'

import {fitColumns, visibleWidth, wrapText} from './fit-columns.js'
import type {Style} from './style.js'

export interface TableOptions {
  align?: Array<'left' | 'right'>
  /** Per column: left out when the table cannot fit by wrapping, highest first; undefined never is. */
  dropOrder?: Array<number | undefined>
  /** The terminal's width; none renders every column at its natural width (a pipe). */
  width?: number
}

/**
 * A borderless table for terminals that fits `width`: cells wrap (headers too), then low-value columns are
 * left out, with a line saying which. Every view renders its tables here.
 */
export function renderTable(head: string[], rows: Array<Array<number | string>>, style: Style, options: TableOptions = {}): string {
  const cells = rows.map((row) => row.map(String))
  const fitted = fitColumns([head, ...cells], options.width, options.dropOrder)
  const table = new Table({
    chars: {
      bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      middle: '  ', right: '', 'right-mid': '', top: '', 'top-left': '', 'top-mid': '', 'top-right': '',
    },
    colAligns: fitted.kept.map((i) => options.align?.[i] ?? 'left'),
    colWidths: fitted.widths,
    head: fitted.kept.map((i, k) => fitCell(head[i], fitted.widths[k]).map((line) => style.bold(line)).join('\n')),
    style: {border: [], compact: true, head: [], 'padding-left': 0, 'padding-right': 0},
  })
  for (const row of cells) table.push(fitted.kept.map((i, k) => fitCell(row[i] ?? '', fitted.widths[k]).join('\n')))
  const lines = table.toString().split('\n').map((line) => line.trimEnd())
  if (fitted.dropped.length > 0) {
    const note = `(${fitted.dropped.map((i) => head[i]).join(', ')} left out to fit ${options.width} columns; --json has every field)`
    lines.push(...wrapText(note, options.width!).map((line) => style.dim(line)))
  }

  return lines.join('\n')
}

/** A cell that fits stays as it is (a view's leading marker column, such as "> " for a pick, keeps its spaces). */
function fitCell(cell: string, width: number): string[] {
  return !cell.includes('\n') && visibleWidth(cell) <= width ? [cell] : wrapText(cell, width)
}
