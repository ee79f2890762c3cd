import {readSharedData} from '../../helpers/shared-data.js'

type Json = {[key: string]: unknown}

export interface LabNode {
  annotations: Record<string, string>
  instanceId: string
  instanceType: string
  labels: Record<string, string>
  maxPods: number
  name: string
  privateIp: string
  ready: boolean
  zone: string
}

let limits: Record<string, {ENILimit: number; IPv4Limit: number}> | undefined

/** The EKS AMI's default --max-pods (eni-max-pods.txt): ENIs × (IPv4 per ENI − 1) + 2, from the CNI's own table. */
export function amiMaxPods(instanceType: string): number {
  limits ??= readSharedData('cni-instance-limits.json')
  const limit = limits![instanceType]
  if (!limit) throw new Error(`cni-instance-limits.json has no ${instanceType}`)
  return limit.ENILimit * (limit.IPv4Limit - 1) + 2
}

/** A Node as an EKS managed node group registers it: providerID, zone and instance-type labels, pod capacity. */
export function makeNode(node: LabNode, region: string, kubeletVersion: string, index: number): Json {
  const arch = /^[a-z]+\d+g/.test(node.instanceType) ? 'arm64' : 'amd64'
  const labels = {
    'beta.kubernetes.io/arch': arch,
    'beta.kubernetes.io/instance-type': node.instanceType,
    'beta.kubernetes.io/os': 'linux',
    'eks.amazonaws.com/capacityType': 'ON_DEMAND',
    'eks.amazonaws.com/nodegroup': `ng-${node.instanceType.replace('.', '-')}`,
    'failure-domain.beta.kubernetes.io/region': region,
    'failure-domain.beta.kubernetes.io/zone': node.zone,
    'kubernetes.io/arch': arch,
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': node.instanceType,
    'topology.kubernetes.io/region': region,
    'topology.kubernetes.io/zone': node.zone,
    ...node.labels,
  }
  const pods = String(node.maxPods)
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {'alpha.kubernetes.io/provided-node-ip': node.privateIp, 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', ...node.annotations},
      creationTimestamp: `2026-11-2${index % 5}T0${index % 10}:1${index % 6}:00Z`,
      labels,
      name: node.name,
      resourceVersion: String(1000 + index),
      uid: `0b7c${index.toString(16).padStart(4, '0')}-4f0e-4d2a-9c1b-6e5d4c3b2a10`,
    },
    spec: {providerID: `aws:///${node.zone}/${node.instanceId}`},
    status: {
      addresses: [
        {address: node.privateIp, type: 'InternalIP'},
        {address: node.name, type: 'InternalDNS'},
        {address: node.name, type: 'Hostname'},
      ],
      allocatable: {cpu: '1930m', 'ephemeral-storage': '18242267924', memory: '7220184Ki', pods},
      capacity: {cpu: '2', 'ephemeral-storage': '20959212Ki', memory: '7974872Ki', pods},
      conditions: [{lastHeartbeatTime: '2026-11-26T04:00:00Z', lastTransitionTime: '2026-11-20T08:02:00Z', message: 'kubelet is posting ready status', reason: 'KubeletReady', status: node.ready ? 'True' : 'False', type: 'Ready'}],
      nodeInfo: {architecture: arch, containerRuntimeVersion: 'containerd://1.7.23', kernelVersion: '6.1.115-126.197.amzn2023.x86_64', kubeletVersion, operatingSystem: 'linux', osImage: 'Amazon Linux 2023.6.20241121'},
    },
  }
}
