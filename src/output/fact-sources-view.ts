import type {FactSource} from '../core/compat/fact-sources.js'
import type {Style} from './style.js'

const LABEL: Record<FactSource['fact'], string> = {
  addonVersions: 'add-on builds',
  cniVersion: 'CNI version',
  installKind: 'install',
  kubernetesVersion: 'Kubernetes',
}

/** Where each fact came from, once any came from the cluster; flags-only runs print nothing more than before. */
export function renderFactSources(sources: FactSource[], style: Style, indent = '  '): string[] {
  if (!sources.some((s) => s.live)) return []
  const shown = sources.map((s) => s.value ?? 'unknown')
  const width = Math.max(...shown.map((v) => v.length))
  return ['Facts:', ...sources.map((s, i) => `${indent}${LABEL[s.fact].padEnd(14)} ${shown[i].padEnd(width)}  ${style.dim(`from ${s.from}`)}`)]
}
