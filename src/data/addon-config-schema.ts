import type {AddonSchemaKeys} from '../core/diff/reference-data.js'

/**
 * Keys the vpc-cni add-on's `configurationValues` accept (draft-06 schema, additionalProperties false, scalar
 * values as strings). Snapshot of DescribeAddonConfiguration for v1.15.1-eksbuild.1, from the AWS CLI reference
 * example (aws/aws-cli awscli/examples/eks/describe-addon-configuration); newer schemas may accept more keys.
 */
export const ADDON_SCHEMA_KEYS: AddonSchemaKeys = {
  addonVersion: 'v1.15.1-eksbuild.1',
  env: [
    'ADDITIONAL_ENI_TAGS', 'ANNOTATE_POD_IP', 'AWS_EC2_ENDPOINT', 'AWS_EXTERNAL_SERVICE_CIDRS', 'AWS_MANAGE_ENIS_NON_SCHEDULABLE',
    'AWS_VPC_CNI_NODE_PORT_SUPPORT', 'AWS_VPC_ENI_MTU', 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS',
    'AWS_VPC_K8S_CNI_EXTERNALSNAT', 'AWS_VPC_K8S_CNI_LOGLEVEL', 'AWS_VPC_K8S_CNI_LOG_FILE', 'AWS_VPC_K8S_CNI_RANDOMIZESNAT',
    'AWS_VPC_K8S_CNI_VETHPREFIX', 'AWS_VPC_K8S_PLUGIN_LOG_FILE', 'AWS_VPC_K8S_PLUGIN_LOG_LEVEL', 'CLUSTER_ENDPOINT',
    'DISABLE_INTROSPECTION', 'DISABLE_LEAKED_ENI_CLEANUP', 'DISABLE_METRICS', 'DISABLE_NETWORK_RESOURCE_PROVISIONING',
    'DISABLE_POD_V6', 'ENABLE_BANDWIDTH_PLUGIN', 'ENABLE_POD_ENI', 'ENABLE_PREFIX_DELEGATION', 'ENABLE_V4_EGRESS',
    'ENABLE_V6_EGRESS', 'ENI_CONFIG_ANNOTATION_DEF', 'ENI_CONFIG_LABEL_DEF', 'INTROSPECTION_BIND_ADDRESS', 'IP_COOLDOWN_PERIOD',
    'MAX_ENI', 'MINIMUM_IP_TARGET', 'POD_SECURITY_GROUP_ENFORCING_MODE', 'WARM_ENI_TARGET', 'WARM_IP_TARGET', 'WARM_PREFIX_TARGET',
  ],
  initEnv: ['DISABLE_TCP_EARLY_DEMUX', 'ENABLE_V6_EGRESS'],
  nodeAgent: ['enableCloudWatchLogs', 'enablePolicyEventLogs', 'healthProbeBindAddr', 'metricsBindAddr'],
  source: 'EKS DescribeAddonConfiguration vpc-cni v1.15.1-eksbuild.1 (aws/aws-cli reference example)',
  topLevel: [
    'affinity', 'enableNetworkPolicy', 'enableWindowsIpam', 'eniConfig', 'env', 'init', 'livenessProbeTimeoutSeconds', 'nodeAgent',
    'readinessProbeTimeoutSeconds', 'resources', 'tolerations',
  ],
}
