/** Wraps a line at word boundaries to `width`, continuing with `indent`: long texts never run past a terminal's edge. */
export function wrapLine(text: string, width = 80, indent = '    '): string[] {
  const lines: string[] = []
  const lead = /^ */.exec(text)![0]
  let line = lead
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`
    if (candidate.length > width && line.trim() !== '') {
      lines.push(line)
      line = `${indent}${word}`
    } else {
      line = candidate
    }
  }

  if (line.trim() !== '') lines.push(line)
  return lines
}

/** A titled list of wrapped items, or nothing when the list is empty. */
export function renderSection(title: string, items: string[], width = 80): string[] {
  if (items.length === 0) return []
  return ['', `${title}:`, ...items.flatMap((item) => wrapLine(`  ${item}`, width))]
}
