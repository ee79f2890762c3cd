/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions,
 * so a swapped pair of letters (`m5.lrage`) costs one edit, as a typo does.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({length: rows}, (_, i) => Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }

  return d[a.length][b.length]
}

/**
 * Longer input is not a typo of any name vpccni knows (the longest instance type is 20 characters): no search, so the
 * work stays bounded whatever is pasted.
 */
export const MAX_SUGGEST_INPUT = 64

/** The candidates closest to `input` (case-insensitive), nearest first, within a distance that still looks like a typo. */
export function suggestNearest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  if (input.length > MAX_SUGGEST_INPUT) return []
  const needle = input.toLowerCase()
  const maxDistance = Math.max(2, Math.floor(needle.length / 3))
  const scored: Array<{candidate: string; distance: number}> = []
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot be near without computing it.
    if (Math.abs(candidate.length - needle.length) > maxDistance) continue
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance <= maxDistance) scored.push({candidate, distance})
  }

  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
  return scored.slice(0, limit).map((s) => s.candidate)
}
