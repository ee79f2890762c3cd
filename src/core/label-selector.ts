/** A Kubernetes label selector (metav1.LabelSelector), as a NetworkPolicy's podSelector holds it. */
export interface LabelSelector {
  matchExpressions: LabelSelectorRequirement[]
  matchLabels: Readonly<Record<string, string>>
}

export interface LabelSelectorRequirement {
  key: string
  /** In, NotIn, Exists or DoesNotExist. */
  operator: string
  values: string[]
}

/**
 * Whether the selector selects an object with these labels, as apimachinery's LabelSelectorAsSelector reads it: every
 * matchLabels pair and every expression must hold, so the empty selector selects everything. An operator apimachinery
 * does not know makes the selector invalid, and an invalid selector selects nothing.
 */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false
  return selector.matchExpressions.every(({key, operator, values}) => {
    const has = Object.hasOwn(labels, key)
    switch (operator) {
      case 'In': return has && values.includes(labels[key])
      case 'NotIn': return !has || !values.includes(labels[key])
      case 'Exists': return has
      case 'DoesNotExist': return !has
      default: return false
    }
  })
}
