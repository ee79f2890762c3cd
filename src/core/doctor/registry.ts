import type {CheckDefinition} from './check.js'
import {checkMaxPodsAboveEniCapacity} from './checks/cni001-max-pods-above-eni-capacity.js'
import {checkPrefixDelegationMaxPods} from './checks/cni002-prefix-delegation-max-pods.js'
import {checkNodeIpExhaustion} from './checks/cni003-node-ip-exhaustion.js'
import {checkSubnetRunway} from './checks/cni004-subnet-runway.js'
import {checkPrefixFragmentation} from './checks/cni005-prefix-fragmentation.js'
import {checkClusterSubnets} from './checks/cni006-cluster-subnets.js'
import {checkLeakedEnis} from './checks/cni007-leaked-enis.js'
import {checkWarmPoolWaste} from './checks/cni008-warm-pool-waste.js'
import {defineCheck as define} from './define-check.js'
import {HEALTH_CHECKS} from './health-registry.js'
import {SUBNET_OPTIONAL, SUBNET_READS} from './subnet-context.js'

/**
 * Every check doctor runs, in report order. IDs are permanent: a retired check keeps its ID out of use.
 * `docs` is the check's anchor in docs/checks.md. CNI001–CNI008: capacity and addresses.
 */
export const CHECK_REGISTRY: readonly CheckDefinition[] = [
  define({docs: 'cni001', id: 'CNI001', needs: ['awsNode', 'nodes'], run: checkMaxPodsAboveEniCapacity, severity: 'error', title: 'Node max-pods above what its ENIs address'}),
  define({docs: 'cni002', id: 'CNI002', needs: ['awsNode', 'nodes'], run: checkPrefixDelegationMaxPods, severity: 'warning', title: 'Prefix delegation on, node still at the secondary-IP max-pods'}),
  define({
    docs: 'cni003',
    id: 'CNI003',
    needs: ['awsNode', 'networkInterfaces', 'nodes', 'pods'],
    run: checkNodeIpExhaustion,
    severity: 'error',
    title: 'Node IP exhaustion',
  }),
  define({docs: 'cni004', id: 'CNI004', needs: SUBNET_READS, run: checkSubnetRunway, severity: 'error', title: 'Subnet runway', uses: SUBNET_OPTIONAL}),
  define({docs: 'cni005', id: 'CNI005', needs: SUBNET_READS, run: checkPrefixFragmentation, severity: 'error', title: 'Free aligned /28 blocks (prefix delegation)', uses: SUBNET_OPTIONAL}),
  define({docs: 'cni006', id: 'CNI006', needs: ['eksCluster', 'subnets'], run: checkClusterSubnets, severity: 'error', title: "Free addresses in the cluster's own subnets", uses: ['nodeGroups']}),
  define({docs: 'cni007', id: 'CNI007', needs: ['networkInterfaces'], run: checkLeakedEnis, severity: 'warning', title: 'Leaked ENIs', uses: ['awsNode']}),
  define({docs: 'cni008', id: 'CNI008', needs: SUBNET_READS, run: checkWarmPoolWaste, severity: 'warning', title: 'Warm-pool waste on a subnet running out', uses: SUBNET_OPTIONAL}),
  ...HEALTH_CHECKS,
]
