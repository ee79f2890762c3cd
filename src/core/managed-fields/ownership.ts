import {type FieldPath, isPathPrefix} from './field-path.js'
import {type OwnedSet, parseFieldsV1} from './parse-fields-v1.js'

/** The field manager EKS uses for managed add-ons (server-side apply). */
export const EKS_MANAGER = 'eks'

/**
 * Who owns a path: EKS alone, users alone, both, only control-plane controllers, nobody, or unknown (the input has no
 * managedFields).
 */
export type Owner = 'eks' | 'shared' | 'system' | 'unknown' | 'unmanaged' | 'user'

/** One `metadata.managedFields` entry, as the API returns it. */
export interface ManagedFieldsEntry {
  fieldsType?: string
  fieldsV1?: unknown
  manager?: string
  operation?: string
  subresource?: string
  time?: string
}

export interface Ownership {
  managers: string[]
  owner: Owner
}

export interface OwnershipIndex {
  /** Managers with spec fields, in the order the object lists them. */
  managers: string[]
  ownerOf(path: FieldPath): Ownership
  /** `managedFields` when the object carried them; `inferred` when it did not (the documented EKS set stands in). */
  source: 'inferred' | 'managedFields'
}

/** Control-plane managers: they own status and defaults, never a user's intent. */
export function isSystemManager(manager: string): boolean {
  return /^kube-(apiserver|controller-manager|scheduler)$/.test(manager) || manager.endsWith('-controller')
}

export function classifyOwners(managers: string[]): Owner {
  const hasEks = managers.includes(EKS_MANAGER)
  const users = managers.filter((m) => m !== EKS_MANAGER && !isSystemManager(m))
  if (hasEks && users.length > 0) return 'shared'
  if (hasEks) return 'eks'
  if (users.length > 0) return 'user'
  return managers.length > 0 ? 'system' : 'unmanaged'
}

/** A manager owns a path when it owns the path or an ancestor outright, owns it as an item, or owns something inside it. */
function owns(set: OwnedSet, path: FieldPath): boolean {
  const key = path.join('')
  return (
    set.leaves.some((leaf) => isPathPrefix(leaf, path) || isPathPrefix(path, leaf)) ||
    set.items.some((item) => item.join('') === key)
  )
}

/** Ownership from `metadata.managedFields`; status subresource entries are left out, they never touch the spec. */
export function indexManagedFields(entries: ManagedFieldsEntry[]): OwnershipIndex {
  const sets = new Map<string, OwnedSet[]>()
  for (const entry of entries) {
    if (entry.subresource === 'status' || !entry.manager) continue
    const list = sets.get(entry.manager) ?? []
    list.push(parseFieldsV1(entry.fieldsV1))
    sets.set(entry.manager, list)
  }

  return {
    managers: [...sets.keys()],
    ownerOf(path) {
      const managers = [...sets].filter(([, owned]) => owned.some((set) => owns(set, path))).map(([m]) => m)
      return {managers, owner: classifyOwners(managers)}
    },
    source: 'managedFields',
  }
}
