import type {CheckDefinition} from './check.js'
import {checkMaxPodsAboveEniCapacity} from './checks/cni001-max-pods-above-eni-capacity.js'
import {defineCheck as define} from './define-check.js'
import {HEALTH_CHECKS} from './health-registry.js'

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
  ...HEALTH_CHECKS,
]
