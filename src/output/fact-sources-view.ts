import type {FactSource} from '../core/compat/fact-sources.js'
import {fitColumns, layoutRows, wrapProse} from './fit-columns.js'
import type {Style} from './style.js'

const LABEL: Record<FactSource['fact'], string> = {
  addonVersions: 'add-on builds',
  cniVersion: 'CNI version',
  installKind: 'install',
  kubernetesVersion: 'Kubernetes',
}

/**
 * Where each fact came from, once any came from the cluster; flags-only runs print nothing more than before.
 * Fitted to `width`; a list (the add-on builds) is counted in its cell and printed in full below, not padded into a column.
 */
export function renderFactSources(sources: FactSource[], style: Style, indent = '  ', width?: number): string[] {
  if (!sources.some((s) => s.live)) return []
  const lists = sources.filter((s) => s.value?.includes(', '))
  const rows = sources.map((s) => {
    const items = lists.includes(s) ? s.value!.split(', ') : undefined
    return [LABEL[s.fact], items ? `${items.length} (listed below)` : (s.value ?? 'unknown'), style.dim(`from ${s.from}`)]
  })
  const fitted = fitColumns(rows, width === undefined ? undefined : width - indent.length, [], 0)
  const lines = ['Facts:', ...layoutRows(rows, fitted).map((line) => `${indent}${line}`)]
  for (const s of lists) lines.push(...wrapProse(s.value!, `${indent}${LABEL[s.fact]}: `, width))
  return lines
}
