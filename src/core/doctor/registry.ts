import type {CheckDefinition} from './check.js'
import {checkMaxPodsAboveEniCapacity} from './checks/cni001-max-pods-above-eni-capacity.js'
import type {ReadName} from './doctor-input.js'

/** Keeps each entry's reads tied to its function's input type. */
const define = <N extends ReadName, O extends ReadName = never>(check: CheckDefinition<N, O>): CheckDefinition => check as CheckDefinition

/**
 * Every check doctor runs, in report order. IDs are permanent: a retired check keeps its ID out of use.
 * `docs` is the check's anchor in docs/checks.md.
 */
export const CHECK_REGISTRY: readonly CheckDefinition[] = [
  define({
    docs: 'cni001',
    id: 'CNI001',
    needs: ['awsNode', 'nodes'],
    run: checkMaxPodsAboveEniCapacity,
    severity: 'error',
    title: 'Node max-pods above what its ENIs address',
  }),
]
