import type {LabScenario} from './ec2-scenario-spec.js'

/** What the EKS fake serves, in restJson1 wire shapes (../shared/docs/eks-addon-api.md). */
export interface EksFakeState {
  /** Add-ons per cluster name, as DescribeAddon's `addon` member. */
  addons: Record<string, Record<string, Record<string, unknown>>>
  /** DescribeAddonVersions' `addons` list (AddonInfo). */
  addonVersions: Array<Record<string, unknown>>
  /** DescribeCluster's `cluster` member per cluster name. */
  clusters: Record<string, Record<string, unknown>>
  /** DescribeNodegroup's `nodegroup` member per cluster, then node group name. */
  nodeGroups: Record<string, Record<string, Record<string, unknown>>>
  /** configurationSchema strings by `addonName@addonVersion`. */
  schemas: Record<string, string>
}

const ACCOUNT = '111122223333'
const CREATED = 1_764_000_000

const version = (addonVersion: string, compat: Array<[string, boolean]>) => ({
  addonVersion,
  architecture: ['amd64', 'arm64'],
  compatibilities: compat.map(([clusterVersion, defaultVersion]) => ({clusterVersion, defaultVersion, platformVersions: ['*']})),
  computeTypes: ['ec2', 'hybrid'],
  requiresConfiguration: false,
  requiresIamPermissions: true,
})

// A cut of the v1.15.1-eksbuild.1 schema's shape: a draft-06 schema whose scalars are strings. `diff` checks
// configurationValues keys against it, so in the lab only these env variables are settable (the warm pool, the
// custom networking and security-groups-for-pods switches doctor's scenarios turn on through the add-on, and ipamd's
// log level, which a user may change with kubectl set env).
const SCHEMA = JSON.stringify({
  $ref: '#/definitions/VpcCni',
  $schema: 'http://json-schema.org/draft-06/schema#',
  definitions: {
    Env: {
      additionalProperties: false,
      properties: Object.fromEntries(
        ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'AWS_VPC_K8S_CNI_LOGLEVEL', 'ENABLE_POD_ENI', 'ENABLE_PREFIX_DELEGATION', 'ENI_CONFIG_LABEL_DEF', 'MINIMUM_IP_TARGET', 'WARM_ENI_TARGET', 'WARM_IP_TARGET', 'WARM_PREFIX_TARGET'].map((k) => [k, {type: 'string'}]),
      ),
      type: 'object',
    },
    VpcCni: {additionalProperties: false, properties: {env: {$ref: '#/definitions/Env'}}, type: 'object'},
  },
})

/** The lab cluster on EKS 1.31 with the vpc-cni EKS add-on, in the scenario's VPC and subnets. */
export function defaultEksState(scenario?: LabScenario): EksFakeState {
  const name = scenario?.clusterName ?? 'lab-cluster'
  const arn = `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${name}`
  return {
    addons: {
      [name]: {
        'vpc-cni': {
          addonArn: `arn:aws:eks:us-west-2:${ACCOUNT}:addon/${name}/vpc-cni/0ec9a0e4`,
          addonName: 'vpc-cni',
          addonVersion: 'v1.19.0-eksbuild.1',
          clusterName: name,
          configurationValues: '{"env":{"WARM_IP_TARGET":"5","MINIMUM_IP_TARGET":"10"}}',
          createdAt: CREATED,
          health: {issues: []},
          modifiedAt: CREATED + 3600,
          serviceAccountRoleArn: `arn:aws:iam::${ACCOUNT}:role/AmazonEKSVPCCNIRole`,
          status: 'ACTIVE',
          tags: {},
        },
      },
    },
    addonVersions: [
      {
        addonName: 'vpc-cni',
        addonVersions: [
          version('v1.20.1-eksbuild.3', [['1.31', false], ['1.32', false], ['1.33', false]]),
          version('v1.19.5-eksbuild.1', [['1.31', false], ['1.32', true], ['1.33', true]]),
          version('v1.19.0-eksbuild.1', [['1.30', false], ['1.31', true]]),
          version('v1.18.5-eksbuild.1', [['1.30', true], ['1.31', false]]),
        ],
        defaultNamespace: 'kube-system',
        owner: 'aws',
        publisher: 'eks',
        type: 'networking',
      },
    ],
    clusters: {
      [name]: {
        arn,
        createdAt: CREATED,
        endpoint: 'https://0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com',
        health: {issues: scenario?.clusterIssues ?? []},
        kubernetesNetworkConfig: {ipFamily: 'ipv4', serviceIpv4Cidr: '172.20.0.0/16'},
        name,
        platformVersion: 'eks.20',
        resourcesVpcConfig: {
          clusterSecurityGroupId: 'sg-0c1a2b3c4d5e6f708',
          securityGroupIds: scenario ? [scenario.securityGroupId] : [],
          subnetIds: scenario?.clusterSubnetIds ?? [],
          vpcId: scenario?.vpcId ?? 'vpc-0123456789abcdef0',
        },
        status: 'ACTIVE',
        tags: {team: 'platform'},
        version: '1.31',
      },
    },
    nodeGroups: {[name]: scenario ? nodeGroupsOf(scenario, name) : {}},
    schemas: {'vpc-cni@v1.19.0-eksbuild.1': SCHEMA, 'vpc-cni@v1.19.5-eksbuild.1': SCHEMA},
  }
}

/** Room to grow in every default lab node group: max size is the current size plus this. */
export const LAB_NODEGROUP_GROWTH = 2

/**
 * The scenario's node groups by name. A scenario that declares none gets one managed group per instance type, named
 * as the lab's Node objects label them (`ng-m5-large`), holding its nodes of that type in their subnets.
 */
function nodeGroupsOf(scenario: LabScenario, cluster: string): Record<string, Record<string, unknown>> {
  const declared = scenario.nodeGroups.length > 0
    ? scenario.nodeGroups
    : [...new Set(scenario.nodes.map((n) => n.instanceType))].map((instanceType) => {
        const nodes = scenario.nodes.filter((n) => n.instanceType === instanceType)
        const name = `ng-${instanceType.replace('.', '-')}`
        return {instanceTypes: [instanceType], maxSize: nodes.length + LAB_NODEGROUP_GROWTH, minSize: 1, name, subnetIds: [...new Set(nodes.map((n) => n.subnetId))]}
      })
  return Object.fromEntries(declared.map((g) => [g.name, nodeGroupOf(cluster, g, scenario.nodes.filter((n) => n.nodeGroup === g.name).length)]))
}

/** A managed node group as DescribeNodegroup returns it, with its nodes' count as desired size. */
function nodeGroupOf(cluster: string, group: LabScenario['nodeGroups'][number], nodes: number): Record<string, unknown> {
  return {
    amiType: 'AL2023_x86_64_STANDARD',
    capacityType: 'ON_DEMAND',
    clusterName: cluster,
    createdAt: CREATED,
    health: {issues: []},
    instanceTypes: group.instanceTypes,
    labels: {},
    nodegroupArn: `arn:aws:eks:us-west-2:${ACCOUNT}:nodegroup/${cluster}/${group.name}/5ec9a0e4`,
    nodegroupName: group.name,
    scalingConfig: {desiredSize: nodes, maxSize: group.maxSize, minSize: group.minSize},
    status: 'ACTIVE',
    subnets: group.subnetIds,
  }
}
