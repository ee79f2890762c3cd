const ELLIPSIS = '…'

type Clip = (text: string, width: number) => string

const clipEnd: Clip = (text, width) => `${text.slice(0, width - 1)}${ELLIPSIS}`
const clipMiddle: Clip = (text, width) => `${text.slice(0, Math.ceil((width - 1) / 2))}${ELLIPSIS}${text.slice(text.length - Math.floor((width - 1) / 2))}`
const clipStart: Clip = (text, width) => `${ELLIPSIS}${text.slice(text.length - (width - 1))}`

/**
 * Row names (a fleet's clusters) cut to WIDTH so that rows that differ still differ: the end is cut when that keeps
 * them apart, else the middle, else the start (where names share a long prefix, their ends tell them apart).
 */
export function fitLabels(labels: string[], width: number): string[] {
  if (labels.every((label) => label.length <= width)) return labels
  const distinct = new Set(labels).size
  const cut = (clip: Clip) => labels.map((label) => (label.length > width ? clip(label, width) : label))
  for (const clip of [clipEnd, clipMiddle]) {
    const fitted = cut(clip)
    if (new Set(fitted).size === distinct) return fitted
  }

  return cut(clipStart)
}
