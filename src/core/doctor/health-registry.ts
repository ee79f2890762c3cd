import type {CheckDefinition} from './check.js'
import {checkAwsNodeRollout} from './checks/cni010-aws-node-rollout.js'
import {checkCniVersion} from './checks/cni011-cni-version.js'
import {checkAddonDrift} from './checks/cni012-addon-drift.js'
import {checkSettingsLint} from './checks/cni013-settings-lint.js'
import {checkAddonHealth} from './checks/cni014-addon-health.js'
import {checkAwsNodeIam} from './checks/cni015-aws-node-iam.js'
import {checkImds} from './checks/cni016-imds.js'
import {checkKubeProxy} from './checks/cni017-kube-proxy.js'
import {checkPrefixDelegation} from './checks/cni020-prefix-delegation.js'
import {checkCustomNetworking} from './checks/cni021-custom-networking.js'
import {checkSecurityGroupsForPods} from './checks/cni022-security-groups-for-pods.js'
import {checkNetworkPolicy} from './checks/cni023-network-policy.js'
import {checkIpv6} from './checks/cni024-ipv6.js'
import {checkSandboxFailures} from './checks/cni030-sandbox-failures.js'
import {checkNodeNetworking} from './checks/cni031-node-networking.js'
import {defineCheck as define} from './define-check.js'
import {SUBNET_OPTIONAL, SUBNET_READS} from './subnet-context.js'

/** The health, mode and failing-pod checks (CNI010–CNI031), in report order; registry.ts lists them after the capacity checks. */
export const HEALTH_CHECKS: readonly CheckDefinition[] = [
  define({
    docs: 'cni010',
    id: 'CNI010',
    needs: ['awsNode'],
    run: checkAwsNodeRollout,
    severity: 'error',
    title: 'aws-node rollout health',
    uses: ['systemPods'],
  }),
  define({
    docs: 'cni011',
    id: 'CNI011',
    needs: ['awsNode', 'serverVersion'],
    run: checkCniVersion,
    severity: 'error',
    title: 'VPC CNI version against Kubernetes and the EKS recommendation',
  }),
  define({
    docs: 'cni012',
    id: 'CNI012',
    needs: ['awsNode'],
    run: checkAddonDrift,
    severity: 'warning',
    title: 'aws-node changes the managed add-on will contest or restore',
    uses: ['addon', 'addonConfiguration'],
  }),
  define({
    docs: 'cni013',
    id: 'CNI013',
    needs: ['awsNode'],
    run: checkSettingsLint,
    severity: 'error',
    title: 'aws-node settings lint',
    uses: ['cniConfigMap', 'eniConfigs'],
  }),
  define({
    docs: 'cni014',
    id: 'CNI014',
    needs: ['addon'],
    run: checkAddonHealth,
    severity: 'error',
    title: 'Managed add-on status and health issues',
  }),
  define({
    docs: 'cni015',
    id: 'CNI015',
    needs: ['awsNode'],
    run: checkAwsNodeIam,
    severity: 'error',
    title: 'IAM for aws-node',
    uses: ['addon', 'awsNodeServiceAccount', 'eksCluster', 'warningEvents'],
  }),
  define({
    docs: 'cni016',
    id: 'CNI016',
    needs: ['instances', 'nodes'],
    run: checkImds,
    severity: 'error',
    title: 'Instance metadata (IMDS) options of the nodes',
    uses: ['awsNode'],
  }),
  define({
    docs: 'cni017',
    id: 'CNI017',
    needs: ['nodes', 'systemPods'],
    run: checkKubeProxy,
    severity: 'error',
    title: 'kube-proxy Ready on every node that runs aws-node',
  }),
  define({
    docs: 'cni020',
    id: 'CNI020',
    needs: ['awsNode', 'networkInterfaces', 'nodes'],
    run: checkPrefixDelegation,
    severity: 'warning',
    title: 'Prefix delegation as the nodes run it',
  }),
  define({
    docs: 'cni021',
    id: 'CNI021',
    needs: ['awsNode', 'eniConfigs', 'nodes'],
    run: checkCustomNetworking,
    severity: 'error',
    title: 'Custom networking: every node\'s ENIConfig exists, in its zone',
    uses: ['subnets'],
  }),
  define({
    docs: 'cni022',
    id: 'CNI022',
    needs: ['awsNode', 'networkInterfaces', 'nodes'],
    run: checkSecurityGroupsForPods,
    severity: 'error',
    title: 'Security groups for pods: trunk ENIs',
    uses: ['warningEvents'],
  }),
  define({
    docs: 'cni023',
    id: 'CNI023',
    needs: ['awsNode', 'nodes'],
    run: checkNetworkPolicy,
    severity: 'error',
    title: 'Network policy enforcement',
    uses: ['cniConfigMap', 'networkPolicies', 'pods', 'systemPods'],
  }),
  define({
    docs: 'cni024',
    id: 'CNI024',
    needs: ['awsNode'],
    run: checkIpv6,
    severity: 'error',
    title: 'IPv6 cluster against the aws-node settings',
    uses: ['eksCluster'],
  }),
  define({
    docs: 'cni030',
    id: 'CNI030',
    needs: ['sandboxFailures'],
    run: checkSandboxFailures,
    severity: 'error',
    title: 'Pods failing to get their network (FailedCreatePodSandBox)',
    // The capacity checks' reads (CNI001, CNI003, CNI004), to name the one that explains a pod without an address.
    uses: [...SUBNET_READS, ...SUBNET_OPTIONAL],
  }),
  define({
    docs: 'cni031',
    id: 'CNI031',
    needs: ['nodes'],
    run: checkNodeNetworking,
    severity: 'error',
    title: 'Node networking condition and node monitoring agent events',
    uses: ['warningEvents'],
  }),
]
