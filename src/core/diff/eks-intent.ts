import {type FieldPath, isPathOverlap, parsePath} from '../managed-fields/field-path.js'
import {flattenObject} from '../managed-fields/flatten-object.js'
import type {KubeObject} from './diff-report.js'
import type {DiffReferenceData} from './reference-data.js'

/** Whether EKS's rendering of the release sets a path: yes, no, or only as a warm-pool variable it leaves alone. */
export type Declaration = 'declared' | 'tuning' | 'undeclared'

export interface EksIntent {
  declaration(path: FieldPath): Declaration
  /** Without managedFields only the documented EKS-managed fields count as EKS's: true for those. */
  isDocumented(path: FieldPath): boolean
}

const ENV_ITEM = /^\[name="(.+)"\]$/

/** The variable an env path names (`….env[name="WARM_ENI_TARGET"].value` → WARM_ENI_TARGET). */
function envName(path: FieldPath): string | undefined {
  const at = path.indexOf('.env')
  return at >= 0 && at + 1 < path.length ? ENV_ITEM.exec(path[at + 1])?.[1] : undefined
}

/**
 * EKS's intent for one release: every field its DaemonSet sets (as shipped, without server defaults), minus the
 * warm-pool variables. A path is declared when it lies on the way to a declared leaf or inside one (an atomic list).
 */
export function eksIntent(declared: KubeObject, data: DiffReferenceData): EksIntent {
  const leaves = [...flattenObject(declared).values()].map((f) => f.path)
  const tuning = new Set(data.tuningVariables.map((v) => v.name))
  const documented = data.managedFields.map((p) => parsePath(p.pattern))
  return {
    declaration(path) {
      if (!leaves.some((leaf) => isPathOverlap(leaf, path))) return 'undeclared'
      const name = envName(path)
      return name && tuning.has(name) ? 'tuning' : 'declared'
    },
    isDocumented: (path) => documented.some((pattern) => isPathOverlap(pattern, path)),
  }
}
