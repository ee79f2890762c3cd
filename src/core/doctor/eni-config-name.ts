import type {AwsNodeSettings} from './aws-node-settings.js'
import type {DoctorNode} from './cluster-objects.js'

/**
 * The ENIConfig ipamd picks for a node under custom networking: the annotation named by ENI_CONFIG_ANNOTATION_DEF,
 * else the label named by ENI_CONFIG_LABEL_DEF (both default `k8s.amazonaws.com/eniConfig`), else `default`.
 */
export function eniConfigNameOf(node: DoctorNode, settings: AwsNodeSettings): string {
  const annotation = settings.effectiveEnv.ENI_CONFIG_ANNOTATION_DEF
  const label = settings.effectiveEnv.ENI_CONFIG_LABEL_DEF
  return (annotation && node.annotations[annotation]) || (label && node.labels[label]) || 'default'
}
