import {decodeInstanceTable, findInstanceRow, listInstanceNames} from '../core/instance-table-codec.js'
import type {InstanceTypeLimits} from '../core/instance-type.js'
import {INSTANCE_DATA_INFO, INSTANCE_TABLE} from './instance-types.generated.js'

export {INSTANCE_DATA_INFO}

/** Instance type names are lower case; users sometimes paste them otherwise. */
export const normalizeInstanceType = (name: string): string => name.trim().toLowerCase()

export function findInstanceType(name: string): InstanceTypeLimits | undefined {
  return findInstanceRow(INSTANCE_TABLE, normalizeInstanceType(name))
}

export function allInstanceTypes(): InstanceTypeLimits[] {
  return decodeInstanceTable(INSTANCE_TABLE)
}

export function instanceTypeNames(): string[] {
  return listInstanceNames(INSTANCE_TABLE)
}
