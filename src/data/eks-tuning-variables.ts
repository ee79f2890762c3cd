import type {TuningVariable} from '../core/diff/reference-data.js'

const BPG = 'EKS Best Practices, VPC CNI (aws/aws-eks-best-practices latest/bpg/networking/vpc-cni.adoc @ dc0243ad): ' +
  '"WARM_ENI_TARGET, WARM_IP_TARGET, and MINIMUM_IP_TARGET are not managed"; "the warm environment variables"'

/**
 * The warm-pool variables EKS does not reconcile: a user's value survives EKS's applies and add-on updates. Other
 * variables of the manifest are EKS's: updates have failed over ENABLE_PREFIX_DELEGATION (aws/amazon-vpc-cni-k8s#2607).
 */
export const EKS_TUNING_VARIABLES: TuningVariable[] = [
  {name: 'MINIMUM_IP_TARGET', source: BPG},
  {name: 'WARM_ENI_TARGET', source: BPG},
  {name: 'WARM_IP_TARGET', source: BPG},
  {name: 'WARM_PREFIX_TARGET', source: BPG},
]
