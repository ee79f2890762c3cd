import type {ClusterLabSpec} from './cluster-lab.js'
import type {LabNodeSpec, LabScenarioSpec} from './ec2-scenario-spec.js'
import type {LabNetworkPolicy} from './objects/health-objects.js'

/**
 * The healthy cluster doctor must be silent on, in secondary-IP mode: three EKS node groups in three zones with the
 * warm pools ipamd keeps under the manifest's WARM_ENI_TARGET=1 (two or three ENIs full of secondary IPs), AMI max-pods,
 * roomy /20 subnets and a /24 where ng-compute runs at its max size. `prefixHealthyCluster` is the same with prefix
 * delegation, nodes launched with it (max-pods 110, /28 prefixes on their ENIs). Each doctor scenario changes one thing.
 */
const general = (subnet: number): LabNodeSpec => ({enis: [{secondaryIps: 9}, {secondaryIps: 9}, {secondaryIps: 9}], instanceType: 'm5.large', nodeGroup: 'ng-general', subnet})
const compute = (): LabNodeSpec => ({enis: [{secondaryIps: 14}, {secondaryIps: 14}], instanceType: 'c5.xlarge', nodeGroup: 'ng-compute', subnet: 2})
const small = (): LabNodeSpec => ({enis: [{secondaryIps: 5}, {secondaryIps: 5}], instanceType: 't3.medium', nodeGroup: 'ng-small', subnet: 1})

export const HEALTHY_PODS = [12, 12, 10, 10, 10, 4]

export function healthyEc2(): Omit<LabScenarioSpec, 'clusterName'> {
  return {
    clusterSubnets: [0, 1],
    nodeGroups: [
      {instanceTypes: ['m5.large'], maxSize: 10, minSize: 2, name: 'ng-general', subnets: [0, 1]},
      {instanceTypes: ['c5.xlarge'], maxSize: 3, minSize: 3, name: 'ng-compute', subnets: [2]},
      {instanceTypes: ['t3.medium'], maxSize: 4, minSize: 1, name: 'ng-small', subnets: [0, 1]},
    ],
    nodes: [general(0), general(1), compute(), compute(), compute(), small()],
    subnets: [
      {availabilityZone: 'us-west-2a', cidr: '10.0.0.0/20'},
      {availabilityZone: 'us-west-2b', cidr: '10.0.16.0/20'},
      {availabilityZone: 'us-west-2c', cidr: '10.0.32.0/24'},
    ],
    vpcCidr: '10.0.0.0/16',
  }
}

export function healthyCluster(): ClusterLabSpec {
  return {ec2: healthyEc2(), podsPerNode: [...HEALTHY_PODS]}
}

export function prefixHealthyCluster(): ClusterLabSpec {
  const ec2 = healthyEc2()
  ec2.nodes = ec2.nodes.map((node) => ({...node, enis: [{prefixes: 2}]}))
  return {
    ec2,
    kube: {awsNode: {env: {ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1'}}},
    nodeSettings: ec2.nodes.map(() => ({maxPods: 110})),
    podsPerNode: [...HEALTHY_PODS],
  }
}

/**
 * One NetworkPolicy per namespace with workload pods, together selecting every one of them, each by another kind of
 * selector: matchLabels, matchExpressions (In, NotIn) and the empty selector (all pods of its namespace).
 */
export const SELECTING_POLICIES: LabNetworkPolicy[] = [
  {name: 'web', namespace: 'default', podSelector: {matchLabels: {app: 'web'}}},
  {name: 'cart', namespace: 'shop', podSelector: {matchExpressions: [{key: 'app', operator: 'In', values: ['cart', 'checkout']}]}},
  {name: 'default-deny', namespace: 'payments'},
  {name: 'dns', namespace: 'kube-system', podSelector: {matchExpressions: [{key: 'app', operator: 'NotIn', values: ['kube-proxy']}]}},
]

/**
 * The healthy cluster with network policy enforced in strict mode (the add-on's enableNetworkPolicy and
 * NETWORK_POLICY_ENFORCING_MODE=strict), every workload pod selected by a policy: doctor stays silent on it too.
 */
export function strictPolicyCluster(): ClusterLabSpec {
  return {
    ...healthyCluster(),
    kube: {
      awsNode: {env: {NETWORK_POLICY_ENFORCING_MODE: 'strict'}, networkPolicy: true},
      cniConfigMap: {'enable-network-policy-controller': 'true', 'enable-windows-ipam': 'false', 'enable-windows-prefix-delegation': 'false'},
      health: {networkPolicies: SELECTING_POLICIES},
    },
  }
}

/** The healthy cluster with one change, per check: what the change is and what the check must find. */
export const DOCTOR_SCENARIOS: Record<string, () => ClusterLabSpec> = {
  /** A node launched with max-pods 110 by hand: its three ENIs address 29. */
  CNI001: () => ({...healthyCluster(), nodeSettings: [{maxPods: 110}]}),
  /** Prefix delegation switched on; the nodes keep their secondary-IP max-pods until replaced. */
  CNI002: () => ({...healthyCluster(), kube: {awsNode: {env: {ENABLE_PREFIX_DELEGATION: 'true'}}}}),
  /** Another tool attached an ENI to a new ng-general node: ipamd fills the other two, and one pod waits for an address. */
  CNI003: () => {
    const spec = healthyCluster()
    spec.ec2!.nodes.push({enis: [{secondaryIps: 9}, {secondaryIps: 9}, {secondaryIps: 0, unmanaged: true}], instanceType: 'm5.large', nodeGroup: 'ng-general', subnet: 0})
    spec.podsPerNode!.push(18)
    spec.nodeSettings = spec.ec2!.nodes.map((_, i) => (i === 6 ? {pendingPods: 1} : {}))
    return spec
  },
  /** ng-general may grow to 400 nodes: its two subnets cannot hold that many. */
  CNI004: () => {
    const spec = healthyCluster()
    spec.ec2!.nodeGroups![0].maxSize = 400
    return spec
  },
  /** Prefix mode; a load balancer took one address in every /28 of the /24 that is still free. */
  CNI005: () => {
    const spec = prefixHealthyCluster()
    spec.ec2!.scatterSubnets = [2]
    return spec
  },
  /** The cluster also uses a /28 (11 usable) where another service holds 7 addresses: 4 left. */
  CNI006: () => {
    const spec = healthyCluster()
    spec.ec2!.subnets.push({availabilityZone: 'us-west-2d', cidr: '10.0.48.0/28'})
    spec.ec2!.clusterSubnets = [0, 1, 3]
    spec.ec2!.looseEnis = [{kind: 'other', secondaryIps: 7, subnet: 3}]
    return spec
  },
  /** A node went away without ipamd deleting its ENI: detached, tagged by the CNI, a month old. */
  CNI007: () => {
    const spec = healthyCluster()
    spec.ec2!.looseEnis = [{createdAt: '2026-11-01T00:00:00Z', kind: 'cni', secondaryIps: 5, subnet: 0}]
    return spec
  },
  /** Another service took 116 addresses of the /24: 45 left, fewer than the 54 the ng-compute warm pools hold idle. */
  CNI008: () => {
    const spec = healthyCluster()
    spec.ec2!.looseEnis = [{kind: 'other', secondaryIps: 116, subnet: 2}]
    return spec
  },
}
