// Generated from docs/checks.md by scripts/update-check-docs.ts (npm run build runs it); do not edit.
import type {CheckDoc} from '../core/doctor/check-doc.js'

export const CHECK_DOCS: Record<string, CheckDoc> = {
 "CNI001": {
  "heading": "CNI001 Node max-pods above what its ENIs address (error)",
  "id": "CNI001",
  "parts": [
   {
    "label": "What it means",
    "text": "The kubelet on the node admits more pods (`status.capacity.pods`) than the node's ENIs can give addresses in the cluster's mode. Pods past the limit are scheduled and then hang in `ContainerCreating` with \"failed to assign an IP address to container\"."
   },
   {
    "label": "Why it matters",
    "text": "The scheduler trusts max-pods; nothing else stops it from overfilling the node. Custom networking (the primary ENI carries no pods), security groups for pods (a slot for the trunk ENI) and `MAX_ENI` all lower the limit below what the AMI, Karpenter or eni-max-pods.txt assume."
   },
   {
    "label": "How it is detected",
    "text": "For each EC2 node of a known instance type, the max-pods engine (`vpccni max-pods`) computes the IP-limited value for the aws-node settings: usable ENIs × (IPv4 per ENI − 1) × (16 with prefix delegation) + 2 host-network pods. Capacity above it is an error. Nodes of a group with the same type and capacity are one finding (`resource` the node group, every node named in `evidence.nodes`). A type missing from the embedded table is an info finding, never skipped in silence. Fargate nodes are not checked (no aws-node there)."
   },
   {
    "label": "Remedy",
    "text": "Set kubelet max-pods to `evidence.recommendedMaxPods` (the command in the remedy prints it) in the launch template, NodeConfig or Karpenter `kubelet.maxPods`, then replace the nodes."
   },
   {
    "label": "Source",
    "text": "user-problems #1, #2; amazon-vpc-cni-k8s issues 331, 527, 3238; karpenter-provider-aws #2273, #7505."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI002": {
  "heading": "CNI002 Prefix delegation on, node still at the secondary-IP max-pods (warning)",
  "id": "CNI002",
  "parts": [
   {
    "label": "What it means",
    "text": "`ENABLE_PREFIX_DELEGATION=true`, prefix delegation works on the node's type (Nitro or bare metal, a CNI that supports it), yet its kubelet max-pods is no higher than the secondary-IP value while the prefix value is higher (m5.large: 29 against 110)."
   },
   {
    "label": "Why it matters",
    "text": "The node was started before prefix delegation was turned on, or its bootstrap is not aware of it: it keeps its low pod density, and the subnet savings of prefixes are lost on it."
   },
   {
    "label": "How it is detected",
    "text": "The max-pods engine, once with the cluster's settings and once without prefix delegation: capacity ≤ the secondary-IP value and < the recommended prefix value. Such a node's ENIs usually hold only secondary IPs too; CNI020 does not report them again (one cause, one finding)."
   },
   {
    "label": "Remedy",
    "text": "Launch the nodes again with max-pods `evidence.prefixMaxPods` (for the EKS AMI, bootstrap with prefix delegation; for AL2023, NodeConfig `maxPods`), then drain and replace the old ones."
   },
   {
    "label": "Source",
    "text": "user-problems #4; amazon-vpc-cni-k8s #2411; containers-roadmap #138."
   }
  ],
  "severities": [
   "warning"
  ]
 },
 "CNI003": {
  "heading": "CNI003 Node IP exhaustion (error or warning)",
  "id": "CNI003",
  "parts": [
   {
    "label": "What it means",
    "text": "Every ENI slot of the node is taken and every address its aws-node ENIs hold is bound to a pod. Error: pods bound to the node are waiting for an address. Warning: none waits yet, but the kubelet still admits pods."
   },
   {
    "label": "Why it matters",
    "text": "New pods on the node cannot start. A node full at exactly its max-pods is as designed and not reported; the problem is a node that runs out of addresses before it runs out of pod slots — typically because an ENI that aws-node does not manage (tag `node.k8s.amazonaws.com/no_manage=true`, another tool's) takes an ENI slot."
   },
   {
    "label": "How it is detected",
    "text": "From EC2 (the ENIs attached to the instance on its default network card, their secondary IPs and prefixes) and the pods on the node: attached ENIs ≥ the ENI limit after `MAX_ENI`, each managed ENI at IPv4-per-ENI − 1 slots, and assigned = held. Pods `Pending` without an IP and bound to the node make it an error."
   },
   {
    "label": "Remedy",
    "text": "Detach the ENIs aws-node does not manage, or lower kubelet max-pods to what the node can address (`evidence.addressesHeld` + host-network pods), or use a larger type or prefix delegation; delete the waiting pods so they are scheduled elsewhere."
   },
   {
    "label": "Source",
    "text": "user-problems #1; amazon-vpc-cni-k8s pkg/ipamd (ENIs tagged no_manage are left alone)."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI004": {
  "heading": "CNI004 Subnet runway (error or warning)",
  "id": "CNI004",
  "parts": [
   {
    "label": "What it means",
    "text": "A subnet the cluster's nodes and pods draw addresses from has fewer free addresses than one more node of a node group takes there (error), or than every node group grown to its max size takes (warning)."
   },
   {
    "label": "Why it matters",
    "text": "A scale-up or a node replacement (AMI upgrade, spot interruption) then produces nodes whose pods never get addresses, or ENIs that cannot be created. `AvailableIpAddressCount` alone hides how fast the warm pools eat it."
   },
   {
    "label": "How it is detected",
    "text": "Per group of nodes (EKS node group, eksctl group or Karpenter NodePool, else instance type), the demand model shared with `vpccni plan` (src/core/demand) gives what one more node takes: its primary address, its ENIs' primaries, its pods' addresses and the warm pool ipamd keeps for them (the ipamd steady state for the group's mean pods, kubelet max-pods and the live aws-node settings) — in the node's subnet, and under custom networking in its ENIConfig's subnet. Free = `AvailableIpAddressCount` + the unused space of the subnet's prefix-type CIDR reservations (EC2 leaves those out of the count, but ipamd's prefixes come from them). Max size comes from EKS DescribeNodegroup `scalingConfig.maxSize`, the headroom shared between the group's subnets; without it (Karpenter, self-managed groups, or the read refused) only the one-more-node error is checked."
   },
   {
    "label": "Remedy",
    "text": "Add address space (a secondary VPC CIDR with custom networking, or subnets tagged `kubernetes.io/role/cni`), free addresses (CNI007 leaked ENIs, CNI008 warm pools), or lower the groups' max size."
   },
   {
    "label": "Source",
    "text": "clowdhaus/eksup #2; aws-samples/sample-apex-skills #223; EKS best practices, \"Optimizing IP address utilization\"."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI005": {
  "heading": "CNI005 Free aligned /28 blocks, prefix delegation (error or warning)",
  "id": "CNI005",
  "parts": [
   {
    "label": "What it means",
    "text": "With prefix delegation, a pod subnet has fewer free aligned /28 blocks than one more node needs prefixes (error), or its fragmentation score is 75 or more (warning)."
   },
   {
    "label": "Why it matters",
    "text": "A prefix is a whole aligned /28. A subnet whose free addresses are scattered in partly used blocks answers `InsufficientCidrBlocks` (\"There aren't sufficient free Ipv4 addresses or prefixes\") although it shows hundreds of free addresses; ipamd then backs off and pods wait."
   },
   {
    "label": "How it is detected",
    "text": "Every ENI in the subnet (DescribeNetworkInterfaces filtered by `subnet-id`, any owner) and its addresses and prefixes, AWS's five reserved addresses and the CIDR reservations: each aligned /28 of the subnet is free, fragmented (some addresses used), full, a delegated prefix or in an explicit reservation. Score = ceil((fragmented + full) / (free + fragmented + full) × 100). Prefixes one node needs come from the demand model."
   },
   {
    "label": "Remedy",
    "text": "Reserve the free aligned /28s for prefixes (`aws ec2 create-subnet-cidr-reservation --reservation-type prefix`) before it fragments further, or give pods a new subnet. With no whole /28 left a reservation cannot help: only a new subnet (or a secondary VPC CIDR with custom networking) does, and the finding says so."
   },
   {
    "label": "Source",
    "text": "awslabs/aws-support-tools EKS subnet-fragmentation (`subnet_frag.py`); user-problems #3; EKS best practices, prefix mode."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI006": {
  "heading": "CNI006 Free addresses in the cluster's own subnets (error or warning)",
  "id": "CNI006",
  "parts": [
   {
    "label": "What it means",
    "text": "A subnet given to the cluster itself (DescribeCluster `resourcesVpcConfig.subnetIds`) has fewer than 6 free addresses (error) or fewer than 16 (warning); or EKS reports `IP_NOT_AVAILABLE` for the cluster or `InsufficientFreeAddresses` for a node group (error)."
   },
   {
    "label": "Why it matters",
    "text": "EKS places the control plane's cross-account ENIs in these subnets and creates new ones on every cluster upgrade: without free addresses the upgrade fails."
   },
   {
    "label": "How it is detected",
    "text": "DescribeSubnets `AvailableIpAddressCount` of each cluster subnet; DescribeCluster and DescribeNodegroup `health.issues`."
   },
   {
    "label": "Remedy",
    "text": "Free addresses in the subnet, or update the cluster's subnets (`aws eks update-cluster-config --resources-vpc-config subnetIds=...`)."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Network requirements\" (at least six, preferably sixteen, free addresses) and troubleshooting."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI007": {
  "heading": "CNI007 Leaked ENIs (warning or error)",
  "id": "CNI007",
  "parts": [
   {
    "label": "What it means",
    "text": "ENIs the VPC CNI created (tag `node.k8s.amazonaws.com/instance_id` or description `aws-K8S-…`) that are attached to nothing (`Status=available`), per subnet. Error when aws-node's own clean-up is off (`DISABLE_LEAKED_ENI_CLEANUP=true`), else a warning."
   },
   {
    "label": "Why it matters",
    "text": "Each keeps its primary and secondary addresses (or prefixes) out of the subnet until deleted."
   },
   {
    "label": "How it is detected",
    "text": "Every ENI of the subnets the cluster uses; the age comes from the tag `node.k8s.amazonaws.com/createdAt` against the time of the read (a snapshot: when it was taken). ENIs younger than 15 minutes are left out: ipamd deletes an ENI right after detaching it."
   },
   {
    "label": "Remedy",
    "text": "Check nothing uses them and delete them (`aws ec2 delete-network-interface`); turn aws-node's clean-up back on."
   },
   {
    "label": "Source",
    "text": "amazon-vpc-cni-k8s docs/troubleshooting.md, \"Leaking ENIs\"; pkg/awsutils."
   }
  ],
  "severities": [
   "warning",
   "error"
  ]
 },
 "CNI008": {
  "heading": "CNI008 Warm-pool waste on a subnet running out (warning)",
  "id": "CNI008",
  "parts": [
   {
    "label": "What it means",
    "text": "On a subnet whose free addresses are fewer than the idle addresses the nodes' warm pools hold there, a leaner `WARM_IP_TARGET` / `MINIMUM_IP_TARGET` (or `WARM_PREFIX_TARGET`) would give addresses back."
   },
   {
    "label": "Why it matters",
    "text": "The default `WARM_ENI_TARGET=1` keeps a whole spare ENI per node and frees an ENI only when it is empty: on a crowded subnet that idle space is what the next nodes need."
   },
   {
    "label": "How it is detected",
    "text": "Idle = held − assigned per ENI of each subnet (EC2 and the pods). The suggested setting is the warm-targets engine's recommendation (`vpccni warm-targets`) for the subnet's main node group: its type, mean pods and max-pods; the finding names the addresses it would free across the subnet's nodes."
   },
   {
    "label": "Remedy",
    "text": "Set the suggested variables on aws-node (for the EKS add-on, in `configurationValues.env`), or use prefix delegation; `vpccni warm-targets` shows the trade-off in EC2 calls and waiting pods."
   },
   {
    "label": "Source",
    "text": "user-problems #5; amazon-vpc-cni-k8s #1635, #2203; docs/eni-and-ip-target.md."
   }
  ],
  "severities": [
   "warning"
  ]
 },
 "CNI010": {
  "heading": "CNI010 aws-node rollout health (error or warning)",
  "id": "CNI010",
  "parts": [
   {
    "label": "What it means",
    "text": "The aws-node DaemonSet has more pods unavailable than its `maxUnavailable` allows (error); its pods run different images (warning); or aws-node pods restarted 5 times or more (warning)."
   },
   {
    "label": "Why it matters",
    "text": "A node whose aws-node pod is not available gives no pod an address: every new pod there hangs in ContainerCreating. Mixed images mean a rollout stopped half way (plugin and ipamd may then differ). Repeated restarts are ipamd failing to start (IAM, API server reachability, probe timeouts)."
   },
   {
    "label": "How it is detected",
    "text": "DaemonSet `status.desiredNumberScheduled − numberAvailable` against `spec.updateStrategy.rollingUpdate.maxUnavailable` (a percentage is of the desired pods, rounded up, as the DaemonSet controller scales it; unset is 1). The image of each container across the `k8s-app=aws-node` pods of kube-system, and the restart count of each pod (summed over its containers)."
   },
   {
    "label": "Remedy",
    "text": "`kubectl -n kube-system rollout status ds/aws-node`; on the named nodes, `kubectl -n kube-system logs --previous` of the pod and `/var/log/aws-routed-eni/ipamd.log`."
   },
   {
    "label": "Source",
    "text": "aws-vpc-cni Helm chart values (`updateStrategy`, maxUnavailable 10%); Kubernetes DaemonSet rolling update; amazon-vpc-cni-k8s docs/troubleshooting.md."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI011": {
  "heading": "CNI011 VPC CNI version against Kubernetes and the EKS recommendation (error or warning)",
  "id": "CNI011",
  "parts": [
   {
    "label": "What it means",
    "text": "The CNI version the aws-node image runs is incompatible with the control plane's Kubernetes version (error: a release that crashes or is known to break on it, such as below v1.12.0 on Kubernetes 1.26+), or it is below the oldest release recommended for that version or the EKS-recommended add-on, or has a known regression (warning). Every floor the release is below makes one finding (evidence `rules` lists them); each known regression is its own finding."
   },
   {
    "label": "Why it matters",
    "text": "An incompatible CNI crashes or misbehaves on that Kubernetes version (CNI below v1.12.0 on Kubernetes 1.26+); a CNI below the recommendation misses fixes EKS expects."
   },
   {
    "label": "How it is detected",
    "text": "The compat engine (`vpccni compat`) on the aws-node image tag and `GET /version`, with the embedded release data. A Kubernetes version newer than vpccni's tables is info; a CNI patch newer than its release data is checked against the floors and not reported."
   },
   {
    "label": "Remedy",
    "text": "`vpccni upgrade-plan --from VERSION` for the steps; `vpccni compat` for every reason with its source."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Amazon VPC CNI\" add-on versions; amazon-vpc-cni-k8s CHANGELOG; the release data in src/data/cni-releases.generated.ts."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI012": {
  "heading": "CNI012 aws-node changes the managed add-on will contest or restore (warning)",
  "id": "CNI012",
  "parts": [
   {
    "label": "What it means",
    "text": "A field of the aws-node DaemonSet differs from what the EKS add-on applied, and EKS's next apply of the add-on (an update, or its reconcile) will contest it (another manager owns a field EKS declares: `--resolve-conflicts OVERWRITE` puts EKS's value back, `NONE` fails with a conflict) or restore it (the field was removed or nobody holds it). Changes whose fate the input cannot tell are info."
   },
   {
    "label": "Why it matters",
    "text": "A setting made with `kubectl set env` or `kubectl edit` on a managed add-on silently disappears at the next add-on update, or blocks the update with a conflict."
   },
   {
    "label": "How it is detected",
    "text": "The diff engine (`vpccni diff`): the running DaemonSet against its release's DaemonSet, each change classified by `metadata.managedFields` ownership and the add-on's `configurationValues` (EKS DescribeAddon) and schema (DescribeAddonConfiguration)."
   },
   {
    "label": "Remedy",
    "text": "Keep the change through the add-on: the `aws eks update-addon --configuration-values` command in the finding (from diff's remedy, with the cluster's name when doctor knows it from `--cluster`, the kubeconfig context or the snapshot; else `CLUSTER` to fill in), or undo the edit. A change configurationValues cannot carry has diff's reason instead: an image (the add-on schema has no image key; the version, and with it the images, is chosen with `aws eks update-addon --addon-version`), or a key the add-on version's schema lacks."
   },
   {
    "label": "Source",
    "text": "the project's reference notes, shared/docs/managed-fields.md; EKS user guide, \"Determine fields you can customize for Amazon EKS add-ons\"."
   }
  ],
  "severities": [
   "warning"
  ]
 },
 "CNI013": {
  "heading": "CNI013 aws-node settings lint (error, warning or info)",
  "id": "CNI013",
  "parts": [
   {
    "label": "What it means",
    "text": "An aws-node setting is wrong or risky: an unknown variable (with a did-you-mean), a value of the wrong type, a variable the running release does not read, `WARM_IP_TARGET` without `MINIMUM_IP_TARGET`, `WARM_PREFIX_TARGET=0` with prefix delegation and no IP targets, `WARM_ENI_TARGET=0` with custom networking and no IP targets. Each at the lint's own severity."
   },
   {
    "label": "Why it matters",
    "text": "A misspelled or mistyped variable falls back to ipamd's default without a word; the target combinations cause EC2 throttling or allocate/free loops (user problems #6, #8)."
   },
   {
    "label": "How it is detected",
    "text": "The diff engine's lints over the aws-node and init containers' env, the amazon-vpc-cni ConfigMap and the ENIConfig names. The lints about custom networking, network policy and IPv6 are reported by CNI021, CNI023 and CNI024."
   },
   {
    "label": "Remedy",
    "text": "Fix the variable; `vpccni warm-targets` suggests warm-pool values for the workload."
   },
   {
    "label": "Source",
    "text": "aws-node environment variables (amazon-vpc-cni-k8s README, v1.23.1); amazon-vpc-cni-k8s issues #41, #989, #1451."
   }
  ],
  "severities": [
   "error",
   "warning",
   "info"
  ]
 },
 "CNI014": {
  "heading": "CNI014 Managed add-on status and health issues (error)",
  "id": "CNI014",
  "parts": [
   {
    "label": "What it means",
    "text": "EKS reports the vpc-cni add-on `CREATE_FAILED`, `UPDATE_FAILED`, `DELETE_FAILED` or `DEGRADED`, or lists health issues for it (one finding per issue, with its code, message and the resources it names)."
   },
   {
    "label": "Why it matters",
    "text": "A failed update leaves the cluster between versions; a degraded add-on (e.g. `InsufficientNumberOfReplicas`, `ConfigurationConflict`, `IAMRoleNotFound`) is EKS saying the CNI is not working as installed."
   },
   {
    "label": "How it is detected",
    "text": "EKS DescribeAddon `status` and `health.issues[]`. Self-managed installs have no add-on: nothing to check."
   },
   {
    "label": "Remedy",
    "text": "`aws eks describe-addon --cluster-name NAME --addon-name vpc-cni`; fix what the issue names and update the add-on (`--resolve-conflicts PRESERVE` keeps the cluster's values)."
   },
   {
    "label": "Source",
    "text": "EKS API reference, `Addon` and `AddonIssue`; the project's reference notes, shared/docs/eks-addon-api.md."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI015": {
  "heading": "CNI015 IAM for aws-node (error, warning or info)",
  "id": "CNI015",
  "parts": [
   {
    "label": "What it means",
    "text": "EC2 refused ipamd an action (events reason `MissingIAMPermissions`, or \"UnauthorizedOperation … missing permissions\" on an aws-node pod): error. An IPv6 cluster whose aws-node has no role of its own uses the node role, whose AmazonEKS_CNI_Policy grants no IPv6 action: warning. Neither IRSA nor Pod Identity in an IPv4 cluster: info, a best practice."
   },
   {
    "label": "Why it matters",
    "text": "Without the EC2 permissions ipamd cannot create or attach ENIs or assign addresses: nodes stop giving pods IPs. A role on the node lets every pod there use the CNI's EC2 permissions."
   },
   {
    "label": "How it is detected",
    "text": "Warning events of every namespace; the ServiceAccount `aws-node` annotation `eks.amazonaws.com/role-arn`; EKS DescribeAddon `serviceAccountRoleArn` and `podIdentityAssociations`; DescribeCluster `kubernetesNetworkConfig.ipFamily`. vpccni reads no IAM policy, so the IPv6 rule looks at where the credentials come from, not at the policy itself. Without the add-on's answer (EKS refused or not asked) nothing is said of IRSA and Pod Identity: an association is not ruled out."
   },
   {
    "label": "Remedy",
    "text": "Attach AmazonEKS_CNI_Policy (IPv6: the IPv6 CNI policy) to the role aws-node uses; give aws-node its own role with `aws eks update-addon --service-account-role-arn` or a Pod Identity association."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Configure Amazon VPC CNI plugin to use IRSA\" (`cni-iam-role`) and \"IPv6 … create the IAM policy\"; amazon-vpc-cni-k8s pkg/awsutils, docs/iam-policy.md."
   }
  ],
  "severities": [
   "error",
   "warning",
   "info"
  ]
 },
 "CNI016": {
  "heading": "CNI016 Instance metadata (IMDS) options of the nodes (error)",
  "id": "CNI016",
  "parts": [
   {
    "label": "What it means",
    "text": "A node's instance has IMDS turned off (`MetadataOptions.HttpEndpoint=disabled`), or requires IMDSv2 (`HttpTokens=required`) while the CNI is v1.10.0, which cannot use it."
   },
   {
    "label": "Why it matters",
    "text": "ipamd reads the instance's ENIs, their addresses and subnets from IMDS: without it aws-node never becomes ready and no pod on the node gets an address."
   },
   {
    "label": "How it is detected",
    "text": "EC2 DescribeInstances `MetadataOptions` of every node's instance (in the same batched call as the rest), with the aws-node image tag. Reported per node group."
   },
   {
    "label": "Remedy",
    "text": "`aws ec2 modify-instance-metadata-options --http-endpoint enabled` and the same in the launch template; on v1.10.0, upgrade the CNI."
   },
   {
    "label": "Source",
    "text": "amazon-vpc-cni-k8s docs/troubleshooting.md (IMDS); CNI v1.10.1 release notes."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI017": {
  "heading": "CNI017 kube-proxy Ready on every node that runs aws-node (error)",
  "id": "CNI017",
  "parts": [
   {
    "label": "What it means",
    "text": "A node runs an aws-node pod but no kube-proxy pod, or its kube-proxy pod is not Ready."
   },
   {
    "label": "Why it matters",
    "text": "aws-node reaches the API server through the `kubernetes` service IP, which kube-proxy programs on the node; without it ipamd cannot start (\"Retrying waiting for IPAM-D\") and the node's pods get no addresses."
   },
   {
    "label": "How it is detected",
    "text": "The kube-system pods with `k8s-app=aws-node` and `k8s-app=kube-proxy`, by node, and their Ready condition. Reported per node group."
   },
   {
    "label": "Remedy",
    "text": "`kubectl -n kube-system get ds kube-proxy`, the kube-proxy pod on the node and its logs; reinstall the kube-proxy add-on if it is gone."
   },
   {
    "label": "Source",
    "text": "AWS re:Post, \"Troubleshoot the Amazon VPC CNI plugin\" (aws-node cannot reach the API server); EKS user guide, kube-proxy add-on."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI020": {
  "heading": "CNI020 Prefix delegation as the nodes run it (warning)",
  "id": "CNI020",
  "parts": [
   {
    "label": "What it means",
    "text": "`ENABLE_PREFIX_DELEGATION=true`, but a node runs on a Xen instance type (EC2 delegates prefixes only to Nitro instances), or a node's ENIs hold secondary IPs and no /28 prefix (it was launched, or its ipamd started, before the setting)."
   },
   {
    "label": "Why it matters",
    "text": "Those nodes get none of prefix mode's density: they stay at the secondary-IP address count (user problem #4), while the settings and the max-pods plan assume prefixes."
   },
   {
    "label": "How it is detected",
    "text": "The aws-node env; the embedded instance table's hypervisor for each node's type; EC2 DescribeNetworkInterfaces `Ipv4Prefixes` and secondary addresses of the ENIs ipamd manages (not `no_manage`, not trunk or EFA). Reported per node group. A node whose ENIs hold only secondary IPs while its kubelet is still at the secondary-IP max-pods is CNI002's finding, not this one: the same cause (started before the setting), said once, with CNI002's remedy (launch with the prefix max-pods, then replace), which also brings the prefixes."
   },
   {
    "label": "Remedy",
    "text": "Replace the nodes (they come back with prefixes); move Xen node groups to Nitro types."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Assign more IP addresses to Amazon EKS nodes with prefixes\"; amazon-vpc-cni-k8s issue #2411."
   }
  ],
  "severities": [
   "warning"
  ]
 },
 "CNI021": {
  "heading": "CNI021 Custom networking: every node's ENIConfig exists, in its zone (error)",
  "id": "CNI021",
  "parts": [
   {
    "label": "What it means",
    "text": "With `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`, a node's ENIConfig does not exist, names a subnet EC2 does not know, or names a subnet in another Availability Zone. Only when custom networking is on; an ENIConfig no node uses is fine."
   },
   {
    "label": "Why it matters",
    "text": "ipamd attaches no secondary ENI to such a node: every pod there that is not host-network hangs in ContainerCreating (user problem #13)."
   },
   {
    "label": "How it is detected",
    "text": "The ENIConfig name ipamd picks for each node (the annotation named by `ENI_CONFIG_ANNOTATION_DEF`, else the label named by `ENI_CONFIG_LABEL_DEF`, else `default`); the ENIConfigs; EC2 DescribeSubnets for their subnets' zones; the node's zone. Reported per node group, ENIConfig and zone."
   },
   {
    "label": "Remedy",
    "text": "Create the ENIConfig (one per zone, named after it, with `ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone`) with a subnet in that zone, then replace the nodes."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Customize the secondary network interface in Amazon EKS nodes\"; amazon-vpc-cni-k8s issues #264, #514."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI022": {
  "heading": "CNI022 Security groups for pods: trunk ENIs (error)",
  "id": "CNI022",
  "parts": [
   {
    "label": "What it means",
    "text": "`ENABLE_POD_ENI=true`, and a node whose type can carry a trunk ENI has none attached; or the VPC resource controller reports `TrunkENICreationFailed`, `NodeTrunkFailedInit` or `BranchAllocationFailed`."
   },
   {
    "label": "Why it matters",
    "text": "Without a trunk, pods with a SecurityGroupPolicy get no branch ENI and never start on that node. The events most often mean the cluster role lacks AmazonEKSVPCResourceController, or the node had no free ENI slot (user problem #9)."
   },
   {
    "label": "How it is detected",
    "text": "The aws-node env; the embedded branch-limits table (`IsTrunkingCompatible`); EC2 ENIs with `InterfaceType=trunk` by instance; Warning events of every namespace. Reported per node group."
   },
   {
    "label": "Remedy",
    "text": "Attach AmazonEKSVPCResourceController to the cluster role; leave an ENI slot free (MAX_ENI); replace the node."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Security groups for Pods\"; aws/amazon-vpc-resource-controller-k8s; amazon-vpc-cni-k8s issue #1202."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI023": {
  "heading": "CNI023 Network policy enforcement (error or warning)",
  "id": "CNI023",
  "parts": [
   {
    "label": "What it means",
    "text": "NetworkPolicy objects exist but the aws-eks-nodeagent runs without `--enable-network-policy=true` and no other policy engine (Calico, Cilium, Antrea, kube-router, Weave) runs in kube-system: nothing enforces them (error). The agent enforces on a node whose kernel is older than 5.10 (error). The ConfigMap's `enable-network-policy-controller` and the agent's flag disagree (warning, the diff engine's lint). The agent enforces with `NETWORK_POLICY_ENFORCING_MODE=strict` and running pods are selected by no NetworkPolicy: they are default-deny (warning, one finding for all of them, counted by namespace)."
   },
   {
    "label": "Why it matters",
    "text": "Policies that nobody enforces give a false sense of isolation; on an old kernel the agent cannot attach its eBPF programs; with the controller and agent apart, policies are either never turned into PolicyEndpoints or never applied. In strict mode a new pod starts with every ingress and egress connection blocked until the policies that select it are programmed: a pod no policy selects stays cut off (its DNS lookups included) from its next start on."
   },
   {
    "label": "How it is detected",
    "text": "The aws-node DaemonSet's agent args and the aws-node container's `NETWORK_POLICY_ENFORCING_MODE` (unset is `standard`; read case-insensitively, as the CNI does); NetworkPolicies (networking.k8s.io, all namespaces) with their `podSelector`; the amazon-vpc-cni ConfigMap; the kube-system pods' app labels; the nodes' `nodeInfo.kernelVersion`; every pod's labels. A policy selects the pods of its own namespace that its `podSelector` matches (`matchLabels` and `matchExpressions` with `In`, `NotIn`, `Exists`, `DoesNotExist`; the empty selector selects all of them). Strict mode counts running pods only, and neither host-network pods (the CNI exempts them) nor pods on Fargate (no aws-node there). A snapshot taken before vpccni read labels and selectors cannot tell, and the strict-mode rule says nothing on it. An engine installed in another namespace (e.g. calico-system) is not recognised: skip the check with `--skip CNI023` there."
   },
   {
    "label": "Remedy",
    "text": "The add-on's `{\"enableNetworkPolicy\":\"true\"}` (self-managed: the ConfigMap key and the agent flag together); AMIs with kernel 5.10 or newer. Strict mode: a NetworkPolicy for every pod that allows what it needs (DNS to CoreDNS first), or `NETWORK_POLICY_ENFORCING_MODE=standard` (the add-on's `configurationValues` env)."
   },
   {
    "label": "Source",
    "text": "amazon-vpc-cni-k8s README (network policy; `NETWORK_POLICY_ENFORCING_MODE`, v1.17.1+: \"in strict mode, you must have a network policy defined for every pod\"; host-network pods exempt); EKS user guide, \"Limit Pod traffic with Kubernetes network policies\"; Kubernetes API, `LabelSelector`."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 },
 "CNI024": {
  "heading": "CNI024 IPv6 cluster against the aws-node settings (error)",
  "id": "CNI024",
  "parts": [
   {
    "label": "What it means",
    "text": "The cluster's IP family (EKS) is `ipv6` but aws-node runs with `ENABLE_IPv6` off, or the reverse; or aws-node has IPv6 on while its init container `aws-vpc-cni-init` has it off; or the IP-family settings contradict each other (the diff engine's lints: IPv4 and IPv6 both on, IPv6 without prefix delegation)."
   },
   {
    "label": "Why it matters",
    "text": "ipamd then hands out addresses of the wrong family or refuses to start; pods get no usable address."
   },
   {
    "label": "How it is detected",
    "text": "EKS DescribeCluster `kubernetesNetworkConfig.ipFamily`; the env of the aws-node and aws-vpc-cni-init containers."
   },
   {
    "label": "Remedy",
    "text": "IPv6 mode is `ENABLE_IPv6=true`, `ENABLE_IPv4=false`, `ENABLE_PREFIX_DELEGATION=true` in aws-node and `ENABLE_IPv6=true` in the init container; an IPv4 cluster has IPv6 off."
   },
   {
    "label": "Source",
    "text": "EKS user guide, \"Learn about IPv6 addresses to clusters, Pods, and services\" (`cni-ipv6`)."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI030": {
  "heading": "CNI030 Pods failing to get their network (FailedCreatePodSandBox) (error)",
  "id": "CNI030",
  "parts": [
   {
    "label": "What it means",
    "text": "Pods are failing now: kubelet's FailedCreatePodSandBox events, classified by the CNI's own messages — \"failed to assign an IP address to container\" (no free address on the node), \"Error received from AddNetwork gRPC call\" / \"failed to connect to backend server\" (ipamd not serving), \"wrong client version\" (plugin and ipamd differ), network policy agent failures — one finding per node and cause, with the pods."
   },
   {
    "label": "Why it matters",
    "text": "These pods are stuck in ContainerCreating right now."
   },
   {
    "label": "How it is detected",
    "text": "Events with `reason=FailedCreatePodSandBox` (they live an hour); for \"no free address\" the finding names (`evidence.explainedBy`) the capacity rules that explain it when they hold for that node: CNI001 (kubelet max-pods above what the ENIs address) or CNI003 (every ENI slot and address used), and CNI004 when the subnet the node's pods draw from (its own, or its ENIConfig's under custom networking) has fewer free addresses than one more node takes — CNI004's error; its warning (no room for the node groups at their max size) leaves room for this node and explains nothing. Computed with the same functions those checks use."
   },
   {
    "label": "Remedy",
    "text": "Per cause, in the finding: the capacity findings; the aws-node pod and ipamd.log on the node; restart aws-node to reinstall the matching plugin."
   },
   {
    "label": "Source",
    "text": "amazon-vpc-cni-k8s cmd/routed-eni-cni-plugin/cni.go, pkg/ipamd/rpc_handler.go, docs/troubleshooting.md."
   }
  ],
  "severities": [
   "error"
  ]
 },
 "CNI031": {
  "heading": "CNI031 Node networking condition and node monitoring agent events (error or warning)",
  "id": "CNI031",
  "parts": [
   {
    "label": "What it means",
    "text": "A node's `NetworkingReady` condition (EKS node monitoring agent) is False — `IPAMDNotReady`, `IPAMDNotRunning`, `InterfaceNotUp`, `NPANotRunning` — or kubelet's Ready condition is False with \"NetworkPluginNotReady … cni config uninitialized\" (error); the agent reports `IPAMDNoIPs`, `IPAMDInconsistentState`, `MissingIPRoutes` or `ConntrackExceeded` events (warning)."
   },
   {
    "label": "Why it matters",
    "text": "The node cannot network new pods (errors), or is about to fail or drop connections (warnings)."
   },
   {
    "label": "How it is detected",
    "text": "The nodes' `status.conditions`; Warning events of every namespace. Conditions are reported per node group and reason, events per reason."
   },
   {
    "label": "Remedy",
    "text": "`kubectl describe node`, the aws-node pod and ipamd.log on the node; replace nodes that do not recover; raise conntrack limits for `ConntrackExceeded`."
   },
   {
    "label": "Source",
    "text": "aws/eks-node-monitoring-agent (pkg/reasons); EKS user guide, \"Detect node health issues and enable automatic node repair\"."
   }
  ],
  "severities": [
   "error",
   "warning"
  ]
 }
}
