import {UserError} from '../../errors.js'
import type {InstanceTypeLimits} from '../instance-type.js'
import {quoteInput} from '../quote-input.js'
import {suggestNearest} from '../suggest-nearest.js'

/** Looks every name up; the first unknown one is bad input, reported with the nearest known names. */
export function resolveInstanceTypes(
  names: string[],
  lookup: (name: string) => InstanceTypeLimits | undefined,
  knownNames: () => string[],
): InstanceTypeLimits[] {
  return names.map((name) => {
    const limits = lookup(name)
    if (limits) return limits
    throw new UserError(`unknown instance type ${quoteInput(name)}`, {suggestions: suggestNearest(name, knownNames())})
  })
}
