import {compareKubernetesVersions, type KubernetesVersion, parseKubernetesVersion} from './kubernetes-version.js'
import type {ReleaseKnowledge} from './release-knowledge.js'

/** Where a Kubernetes version falls in a table: listed, or beyond either end (then the nearest end applies, or nothing). */
export type TablePosition = 'listed' | 'newer' | 'older'

export interface TableLookup {
  /** The Kubernetes row whose value applies, e.g. `1.33` for a 1.36 cluster beyond the table. */
  kubernetesUsed?: string
  position: TablePosition
  source: string
  value?: string
  /** The Kubernetes range the table covers, e.g. `1.23–1.33`. */
  covers: string
}

function lookUp(table: Record<string, string>, source: string, kubernetes: KubernetesVersion, newerTakesNewest: boolean): TableLookup {
  const rows = Object.keys(table)
    .map((k) => parseKubernetesVersion(k))
    .sort(compareKubernetesVersions)
  const covers = `${rows[0].text}–${rows.at(-1)?.text}`
  if (table[kubernetes.text] !== undefined) return {covers, kubernetesUsed: kubernetes.text, position: 'listed', source, value: table[kubernetes.text]}
  const newest = rows.at(-1) as KubernetesVersion
  if (compareKubernetesVersions(kubernetes, newest) > 0) {
    return newerTakesNewest ? {covers, kubernetesUsed: newest.text, position: 'newer', source, value: table[newest.text]} : {covers, position: 'newer', source}
  }

  return {covers, position: 'older', source}
}

/** The oldest CNI recommended for a Kubernetes version; beyond the table, the newest known minimum applies. */
export function minimumCniFor(kubernetes: KubernetesVersion, knowledge: ReleaseKnowledge): TableLookup {
  return lookUp(knowledge.kubernetesMinimum.table, knowledge.kubernetesMinimum.source, kubernetes, true)
}

/**
 * The EKS-recommended vpc-cni add-on for a Kubernetes version: the embedded recommended table, then the newest dated
 * EKS docs table that lists the version; beyond every table, the newest recommendation applies.
 */
export function recommendedAddonFor(kubernetes: KubernetesVersion, knowledge: ReleaseKnowledge): TableLookup {
  const main = lookUp(knowledge.eksRecommended.table, knowledge.eksRecommended.source, kubernetes, true)
  if (main.position !== 'older') return main
  const snapshot = knowledge.eksDocSnapshots.findLast((s) => s.table[kubernetes.text] !== undefined)
  if (!snapshot) return main
  const source = `EKS docs table as of ${snapshot.asOf}: ${snapshot.source}`
  return {covers: main.covers, kubernetesUsed: kubernetes.text, position: 'listed', source, value: snapshot.table[kubernetes.text]}
}

/** The Kubernetes versions some embedded table speaks for: outside them a verdict would be made up. */
export interface KubernetesCoverage {
  newest: KubernetesVersion
  oldest: KubernetesVersion
  /** e.g. `1.23–1.36` */
  text: string
}

export function kubernetesCoverage(knowledge: ReleaseKnowledge): KubernetesCoverage {
  const tables = [knowledge.kubernetesMinimum.table, knowledge.eksRecommended.table, ...knowledge.eksDocSnapshots.map((s) => s.table)]
  const rows = tables.flatMap((t) => Object.keys(t)).map((k) => parseKubernetesVersion(k)).sort(compareKubernetesVersions)
  const [oldest, newest] = [rows[0], rows.at(-1) as KubernetesVersion]
  return {newest, oldest, text: `${oldest.text}–${newest.text}`}
}

export function isCovered(kubernetes: KubernetesVersion, coverage: KubernetesCoverage): boolean {
  return compareKubernetesVersions(kubernetes, coverage.oldest) >= 0 && compareKubernetesVersions(kubernetes, coverage.newest) <= 0
}
