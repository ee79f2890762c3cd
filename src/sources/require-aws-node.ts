import {SourceError} from '../errors.js'
import type {ClusterSource} from './cluster-source.js'
import {KUBE_CALLS} from './kubernetes/kube-calls.js'
import type {AwsNodeDaemonSet} from './kubernetes/types.js'

/**
 * The aws-node DaemonSet. A cluster without it is the cluster's state, not bad usage: exit 3 with one line, like a
 * source that cannot answer, since there is nothing the command could compute from.
 */
export async function requireAwsNode(source: ClusterSource, hint: string): Promise<AwsNodeDaemonSet> {
  const daemonSet = await source.readAwsNode()
  if (daemonSet) return daemonSet
  throw new SourceError(KUBE_CALLS.readAwsNode.call, 'aws-node DaemonSet not found in kube-system: the VPC CNI is not installed on this cluster', {hint})
}
