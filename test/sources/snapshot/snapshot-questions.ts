import type {ClusterCallName, ClusterSource} from '../../../src/sources/cluster-source.js'
import type {SnapshotIndex} from '../../../src/sources/snapshot/snapshot-format.js'

/** Each call asked the way a command would; the Record type makes a new ClusterSource call fail to compile here. */
export function questions(index: SnapshotIndex, nodeName: string): Record<ClusterCallName, Array<(s: ClusterSource) => Promise<unknown>>> {
  const args = (call: ClusterCallName) => index.calls[call].args as {addonVersion: string; instanceIds: string[]; subnetIds: string[]}
  const instanceIds = args('describeInstances').instanceIds
  const subnetIds = args('describeSubnets').subnetIds
  return {
    describeAddon: [(s) => s.describeAddon()],
    describeAddonConfiguration: [(s) => s.describeAddonConfiguration(args('describeAddonConfiguration').addonVersion)],
    describeAddonVersions: [(s) => s.describeAddonVersions(), (s) => s.describeAddonVersions('1.31'), (s) => s.describeAddonVersions('1.33'), (s) => s.describeAddonVersions('1.19')],
    describeCluster: [(s) => s.describeCluster()],
    describeInstances: [(s) => s.describeInstances(instanceIds), (s) => s.describeInstances([instanceIds[1], 'i-0000000000000dead']), (s) => s.describeInstances([])],
    describeNetworkInterfaces: [(s) => s.describeNetworkInterfaces(instanceIds), (s) => s.describeNetworkInterfaces([instanceIds[0]])],
    describeSubnetNetworkInterfaces: [(s) => s.describeSubnetNetworkInterfaces(subnetIds), (s) => s.describeSubnetNetworkInterfaces([subnetIds[0]])],
    describeSubnets: [(s) => s.describeSubnets(subnetIds), (s) => s.describeSubnets([subnetIds[0], 'subnet-00000000dead'])],
    getSubnetCidrReservations: [(s) => s.getSubnetCidrReservations(subnetIds), (s) => s.getSubnetCidrReservations([subnetIds[0]])],
    listEniConfigs: [(s) => s.listEniConfigs()],
    listNodegroups: [(s) => s.listNodegroups()],
    listNodes: [(s) => s.listNodes()],
    listPods: [(s) => s.listPods(), (s) => s.listPods({nodeName})],
    listNetworkPolicies: [(s) => s.listNetworkPolicies()],
    listSandboxFailures: [(s) => s.listSandboxFailures()],
    listWarningEvents: [(s) => s.listWarningEvents()],
    readAwsNode: [(s) => s.readAwsNode()],
    readAwsNodeServiceAccount: [(s) => s.readAwsNodeServiceAccount()],
    readCniConfigMap: [(s) => s.readCniConfigMap()],
    readServerVersion: [(s) => s.readServerVersion()],
  }
}
