import type {EksFakeState} from './eks-fixtures.js'
import type {ClusterSpec} from './scenario.js'

/**
 * The add-on's configurationValues as EKS would hold them for the DaemonSet the lab serves: env the EKS installer
 * applied (`awsNode.env`, not a later `kubectl set env`) and the agent's network policy switch came from
 * configurationValues, so they name them too.
 */
export function syncAddonConfiguration(state: EksFakeState, clusterName: string, kube: Omit<ClusterSpec, 'nodeGroups' | 'nodes' | 'region'> | undefined): void {
  const awsNode = kube?.awsNode
  const addon = state.addons[clusterName]?.['vpc-cni']
  if (!addon || !(awsNode?.env || awsNode?.networkPolicy) || awsNode.installedBy === 'kubectl') return
  const current = JSON.parse(String(addon.configurationValues ?? '{}')) as {env?: Record<string, string>}
  const policy = awsNode.networkPolicy ? {enableNetworkPolicy: 'true'} : {}
  addon.configurationValues = JSON.stringify({...current, ...policy, env: {...current.env, ...awsNode.env}})
}
