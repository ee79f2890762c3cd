/**
 * Curated upgrade facts, read off the notes of ../shared/data/cni-releases.json. Each cites a source that appears in that file;
 * scripts/update-release-data.ts checks this and that every version named is a known release before embedding them.
 */
import type {FeatureFloor, IamChange, KnownRegression} from '../src/core/compat/release-knowledge.js'

const CHANGELOG = 'https://github.com/aws/amazon-vpc-cni-k8s/blob/b52188387f2e/CHANGELOG.md'
const EKS_VPC_CNI =
  'https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html (source: github.com/awsdocs/amazon-eks-user-guide latest/ug/networking/eks-networking-add-ons.adoc @4d52b4d0, 2024-12-18)'
const README = 'https://github.com/aws/amazon-vpc-cni-k8s/blob/b52188387f2e/README.md'

export const FEATURES: FeatureFloor[] = [
  {id: 'init-container', note: 'adds the aws-vpc-cni-init init container and per-region manifests; the manifest changed beyond the image, so apply the whole release manifest rather than editing the image tag', since: 'v1.7.0', source: 'https://github.com/kubernetes/kops/pull/9786', title: 'init container'},
  {id: 'security-groups-for-pods', note: 'security groups for pods (ENABLE_POD_ENI) is supported from here', since: 'v1.7.7', source: EKS_VPC_CNI, title: 'security groups for pods'},
  {id: 'service-account-tokens', note: 'refetches bound service account tokens; clusters below v1.8.0 must update the CNI before any cluster upgrade', since: 'v1.8.0', source: 'https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html (awsdocs/amazon-eks-user-guide latest/ug/clusters/update-cluster.adoc @4d52b4d0)', title: 'bound service account tokens'},
  {id: 'prefix-delegation', note: 'prefix delegation (ENABLE_PREFIX_DELEGATION) becomes available; once prefixes are assigned, no downgrade below v1.9.0 without removing all nodes', since: 'v1.9.0', source: EKS_VPC_CNI, title: 'prefix delegation'},
  {id: 'ipv6', note: 'IPv6 clusters on EKS need v1.10.1; after enabling IPv6, no downgrade below v1.10.1 without removing all nodes', since: 'v1.10.1', source: EKS_VPC_CNI, title: 'IPv6 on EKS'},
  {id: 'sgpp-standard-mode', note: 'POD_SECURITY_GROUP_ENFORCING_MODE=standard and prefix delegation on bare metal; after using either, downgrading below v1.11.0 is disruptive', since: 'v1.11.0', source: EKS_VPC_CNI, title: 'security groups for pods standard mode'},
  {id: 'ipam-json-checkpoint', note: 'IPAM state is restored from /var/run/aws-node/ipam.json instead of the CRI socket; the aws-vpc-cni Helm chart 1.2.0+ drops cri.hostPath', since: 'v1.12.0', source: README, title: 'ipam.json checkpoint'},
  {id: 'network-policy', kubernetesAtLeast: '1.25', note: 'adds the aws-eks-nodeagent container (network policy agent) to every aws-node pod; NetworkPolicy enforcement needs Kubernetes 1.25 or newer and Linux EC2 nodes', since: 'v1.14.0', source: EKS_VPC_CNI, title: 'network policy'},
  {id: 'cninode-crd', note: 'needs the CNINode CRD (vpcresources.k8s.aws) of the VPC resource controller: EKS provides it, clusters without it fail aws-node init', since: 'v1.15.0', source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/2584', title: 'CNINode CRD'},
  {id: 'subnet-discovery', note: 'enhanced subnet discovery (ENABLE_SUBNET_DISCOVERY) arrives', since: 'v1.18.0', source: CHANGELOG, title: 'subnet discovery'},
  {id: 'multi-nic', note: 'multi-NIC (ENABLE_MULTI_NIC) arrives; to downgrade later, remove multi-homed pods first', since: 'v1.20.0', source: README, title: 'multi-NIC'},
  {id: 'ipamd-unix-socket', note: 'IPAMD gRPC moves from TCP :50051 to the unix socket /var/run/aws-node/ipamd.sock and the aws-node probes follow; it must run with network policy agent v1.4.1, so update both containers together (never only the aws-node image)', since: 'v1.23.0', source: CHANGELOG, title: 'IPAMD gRPC on a unix socket'},
]

export const REGRESSIONS: KnownRegression[] = [
  {breaks: false, fixedIn: 'v1.5.5', from: 'v1.5.4', id: 'v1.5.4-pod-connectivity', source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/641', summary: 'pod-to-pod connectivity broken (missing ip rules for primary-ENI IPs)', to: 'v1.5.4'},
  {breaks: false, condition: 'with Calico', fixedIn: 'v1.7.1', from: 'v1.7.0', id: 'v1.7.0-calico-routes', source: CHANGELOG, summary: 'Calico deletes routes', to: 'v1.7.0'},
  {breaks: false, condition: 'with custom networking and an ENIConfig without security groups', fixedIn: 'v1.13.2', from: 'v1.13.0', id: 'v1.13.0-custom-networking', source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/2426', summary: 'custom networking ENIs fail to attach', to: 'v1.13.0'},
  {breaks: false, condition: 'when installed from the self-managed manifest', fixedIn: 'v1.14.1', from: 'v1.14.0', id: 'v1.14.0-manifest-images', source: 'https://github.com/aws/amazon-vpc-cni-k8s/pull/2522', summary: 'the release manifest still pointed at v1.13.4 images', to: 'v1.14.0'},
  {breaks: true, fixedIn: 'v1.16.2', from: 'v1.16.0', id: 'v1.16-cni-spec-1.0', kubernetesAtMost: '1.23', source: EKS_VPC_CNI, summary: 'implements only CNI spec 1.0.0', to: 'v1.16.1'},
  {breaks: false, fixedIn: 'v1.16.4', from: 'v1.16.3', id: 'v1.16.3-livelock', source: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/2807', summary: 'high CPU / livelock on small instances', to: 'v1.16.3'},
  {breaks: false, condition: 'with custom networking and security groups for pods', fixedIn: 'v1.19.5', from: 'v1.19.4', id: 'v1.19.4-node-init', source: 'https://github.com/aws/amazon-vpc-cni-k8s/pull/3277', summary: 'node initialisation fails', to: 'v1.19.4'},
  {breaks: false, condition: 'when installed from the self-managed manifest', fixedIn: 'v1.22.1', from: 'v1.22.0', id: 'v1.22.0-manifest-images', source: CHANGELOG, summary: 'tag without a CHANGELOG entry whose manifest still references v1.21.1 images', to: 'v1.22.0'},
  {breaks: false, condition: 'when the node IAM role lacks ec2:DescribeSecurityGroups', fixedIn: 'v1.22.2', from: 'v1.22.1', id: 'v1.22.1-describe-security-groups', source: 'https://github.com/terraform-aws-modules/terraform-aws-eks-pod-identity/issues/60', summary: "aws-node hangs at 'Checking for IPAM connectivity'", to: 'v1.22.1'},
]

export const IAM_CHANGES: IamChange[] = [
  {permission: 'Kubernetes RBAC: clusterpolicyendpoints (+/status) in ClusterRole aws-node', since: 'v1.21.1', source: 'https://github.com/aws/amazon-vpc-cni-k8s/pull/3550', summary: 'the network policy agent reads cluster-wide policy endpoints; the manifest and the add-on ship the ClusterRole change'},
  {permission: 'ec2:DescribeSecurityGroups', since: 'v1.23.0', source: CHANGELOG, summary: 'added to the CNI IAM policy; grant it to the aws-node role (IRSA or node role) before this step'},
]
