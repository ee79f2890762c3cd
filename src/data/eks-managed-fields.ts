import type {ManagedFieldPattern} from '../core/diff/reference-data.js'

const BPG = 'EKS Best Practices, VPC CNI (aws/aws-eks-best-practices latest/bpg/networking/vpc-cni.adoc @ dc0243ad)'

/**
 * What the EKS managed add-on is documented (or was seen in failed updates) to manage in aws-node: EKS's intent when
 * the input has no managedFields. With them, the release's DaemonSet and `eks`'s own fields say it instead.
 * `[*]` matches any container. Paths use the syntax of EKS's own conflict messages.
 */
export const EKS_MANAGED_FIELDS: ManagedFieldPattern[] = [
  {basis: 'documented', pattern: '.metadata.labels', source: BPG},
  {basis: 'documented', pattern: '.spec.selector', source: 'selector labels: ' + BPG},
  {basis: 'documented', pattern: '.spec.template.metadata.labels', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.serviceAccountName', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.containers[*].image', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.initContainers[*].image', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.containers[*].livenessProbe', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.containers[*].readinessProbe', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.volumes', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.containers[*].volumeMounts', source: BPG},
  {basis: 'documented', pattern: '.spec.template.spec.initContainers[*].volumeMounts', source: BPG},
  {
    basis: 'observed-conflict',
    pattern: '.spec.template.spec.containers[name="aws-node"].env[name="ENABLE_PREFIX_DELEGATION"].value',
    source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/2607',
  },
  {
    basis: 'observed-conflict',
    pattern: '.spec.template.spec.containers[*].resources.requests.cpu',
    source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/2150',
  },
  {
    basis: 'observed-conflict',
    pattern: '.spec.template.spec.containers[*].imagePullPolicy',
    source: 'https://github.com/zalando-incubator/kubernetes-on-aws/pull/10377',
  },
  {
    basis: 'observed-conflict',
    pattern: '.spec.template.spec.initContainers[*].imagePullPolicy',
    source: 'https://github.com/zalando-incubator/kubernetes-on-aws/pull/10377',
  },
]
