import type {CheckDefinition} from './check.js'
import type {ReadName} from './doctor-input.js'

/** Keeps a registry entry's reads tied to its function's input type. */
export const defineCheck = <N extends ReadName, O extends ReadName = never>(check: CheckDefinition<N, O>): CheckDefinition => check as CheckDefinition
