import {stripVTControlCharacters} from 'node:util'

/** Spaces between columns, as every vpccni table has them. */
export const COLUMN_GAP = 2

/** Below this a word is broken rather than keep a column wide (image URIs, ARNs); shorter words stay whole. */
const LONGEST_UNBROKEN = 16

export interface FittedColumns {
  /** Indexes of the columns left out, in the order they were dropped. */
  dropped: number[]
  /** Indexes of the columns shown, in order. */
  kept: number[]
  /** The width of each kept column. */
  widths: number[]
}

export const visibleWidth = (text: string): number => [...stripVTControlCharacters(text)].length

const words = (text: string): string[] => stripVTControlCharacters(text).split(/\s+/).filter(Boolean)

/**
 * Column widths that fit `width`, in three moves: columns shrink, widest first, down to their longest word (cells
 * wrap at spaces); then columns with a `dropOrder` are left out, highest first; then words longer than
 * LONGEST_UNBROKEN are broken (a header's words never are). No width: the natural widths. `rows` start with
 * `headerRows` header rows (1 for a table, 0 for aligned lines).
 */
export function fitColumns(
  rows: string[][],
  width: number | undefined,
  dropOrder: Array<number | undefined> = [],
  headerRows = 1,
): FittedColumns {
  const count = rows[0]?.length ?? 0
  const column = (i: number): string[] => rows.map((row) => String(row[i] ?? ''))
  const natural = Array.from({length: count}, (_, i) => Math.max(0, ...column(i).flatMap((cell) => cell.split('\n').map(visibleWidth))))
  const longestWord = (cells: string[]): number => Math.max(1, ...cells.flatMap((cell) => words(cell).map((w) => [...w].length)))
  const headerWord = Array.from({length: count}, (_, i) => (headerRows > 0 ? longestWord(column(i).slice(0, headerRows)) : 1))
  const cellWord = Array.from({length: count}, (_, i) => longestWord(column(i).slice(headerRows)))
  const soft = natural.map((n, i) => Math.min(n, Math.max(headerWord[i], cellWord[i])))
  const hard = natural.map((n, i) => Math.min(n, Math.max(headerWord[i], Math.min(LONGEST_UNBROKEN, cellWord[i]))))
  const kept = Array.from({length: count}, (_, i) => i)
  const dropped: number[] = []
  if (width === undefined) return {dropped, kept, widths: natural}
  for (;;) {
    const droppable = kept.filter((i) => dropOrder[i] !== undefined).sort((a, b) => dropOrder[b]! - dropOrder[a]!)
    // Wrapping at spaces comes first; words are broken only when that is not enough and nothing is left to drop.
    const wrapped = shrink(kept.map((i) => natural[i]), kept.map((i) => soft[i]), width)
    const widths = total(wrapped) <= width || droppable.length > 0 ? wrapped : shrink(wrapped, kept.map((i) => hard[i]), width)
    if (total(widths) <= width || droppable.length === 0) return {dropped, kept, widths}
    kept.splice(kept.indexOf(droppable[0]), 1)
    dropped.push(droppable[0])
  }
}

const total = (widths: number[]): number => widths.reduce((sum, w) => sum + w, 0) + COLUMN_GAP * Math.max(0, widths.length - 1)

/** Narrows the widest column that can still give, one character at a time, until the row fits or none can. */
function shrink(widths: number[], least: number[], width: number): number[] {
  while (total(widths) > width) {
    let widest = -1
    for (const [k, w] of widths.entries()) if (w > least[k] && (widest < 0 || w > widths[widest])) widest = k
    if (widest < 0) break
    widths[widest]--
  }

  return widths
}

/** Text wrapped to `width` at spaces; a word longer than the width is broken. Colour around the whole text is kept per line. */
export function wrapText(text: string, width: number): string[] {
  const styled = /^((?:\u001B\[[\d;]*m)+)([\s\S]*?)((?:\u001B\[[\d;]*m)+)$/u.exec(text)
  if (styled) return wrapText(styled[2], width).map((line) => `${styled[1]}${line}${styled[3]}`)
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (let word of paragraph.split(/ +/)) {
      while ([...word].length > width) {
        const room = line ? width - [...line].length - 1 : width
        if (room < Math.min(4, width)) {
          lines.push(line)
          line = ''
          continue
        }

        const chars = [...word]
        const cut = breakPoint(chars, room)
        lines.push(line ? `${line} ${chars.slice(0, cut).join('')}` : chars.slice(0, cut).join(''))
        line = ''
        word = chars.slice(cut).join('')
      }

      if (line && [...line].length + 1 + [...word].length > width) {
        lines.push(line)
        line = word
      } else {
        line = line ? `${line} ${word}` : word
      }
    }

    lines.push(line)
  }

  return lines
}

/** Where to break a word too long for `room`: after a separator of paths, URIs and env lists when one is near the end, else at `room`. */
function breakPoint(chars: string[], room: number): number {
  for (let i = room; i > room / 2; i--) if ('./,=:-]'.includes(chars[i - 1])) return i
  return room
}

/** Rows laid out in the fitted columns, cells wrapped, padded and separated by COLUMN_GAP (for tables without cli-table3). */
export function layoutRows(rows: string[][], fitted: FittedColumns, align: Array<'left' | 'right'> = []): string[] {
  return rows.flatMap((row) => {
    const cells = fitted.kept.map((i, k) => wrapText(row[i] ?? '', fitted.widths[k]))
    const height = Math.max(...cells.map((c) => c.length))
    return Array.from({length: height}, (_, line) =>
      cells
        .map((cell, k) => {
          const text = cell[line] ?? ''
          const pad = ' '.repeat(Math.max(0, fitted.widths[k] - visibleWidth(text)))
          return align[fitted.kept[k]] === 'right' ? pad + text : text + pad
        })
        .join(' '.repeat(COLUMN_GAP))
        .trimEnd(),
    )
  })
}

/**
 * Prose for a terminal: wrapped to `width` after `first` (the first line's prefix), later lines after `indent` (by default
 * as deep as `first`). No width: one line.
 */
export function wrapProse(text: string, first: string, width: number | undefined, indent = ' '.repeat(visibleWidth(first))): string[] {
  if (width === undefined) return [`${first}${text}`]
  const room = Math.max(20, width - Math.max(visibleWidth(first), visibleWidth(indent)))
  return wrapText(text, room).map((line, i) => `${i === 0 ? first : indent}${line}`)
}
