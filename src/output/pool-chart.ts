import type {Style} from './style.js'

export interface ChartRow {
  assigned: number
  held: number
  label: string
}

const WIDTH = 48

/**
 * Held vs assigned addresses, one row per sample: █ an address bound to a pod, ░ an idle one.
 * Scaled so the largest pool fills the width.
 */
export function renderPoolChart(rows: ChartRow[], labelHeading: string, style: Style): string {
  const peak = Math.max(1, ...rows.map((r) => r.held))
  const scale = peak > WIDTH ? WIDTH / peak : 1
  const labelWidth = Math.max(labelHeading.length, ...rows.map((r) => r.label.length))
  const header = `${labelHeading.padStart(labelWidth)}  held  used`
  const lines = rows.map((r) => {
    const used = Math.round(r.assigned * scale)
    const idle = Math.max(0, Math.round(r.held * scale) - used)
    const bar = style.green('█'.repeat(used)) + style.dim('░'.repeat(idle))
    return `${r.label.padStart(labelWidth)}  ${String(r.held).padStart(4)}  ${String(r.assigned).padStart(4)}  ${bar}`.trimEnd()
  })
  const legend = style.dim(`█ assigned to a pod  ░ idle${scale < 1 ? `  (1 column = ${(1 / scale).toFixed(1)} addresses)` : ''}`)
  return [style.bold(header), ...lines, legend].join('\n')
}

/** 3725 → "1:02:05", 65 → "1:05". */
export function formatClock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
