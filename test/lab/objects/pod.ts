import {fieldsV1Of} from './fields-v1.js'

type Json = {[key: string]: unknown}

export interface LabPod {
  app: string
  hostNetwork: boolean
  /** '' for a pod still waiting for its sandbox (ContainerCreating): no IP in status. */
  ip: string
  name: string
  namespace: string
  nodeIp: string
  nodeName: string
  phase: string
}

/**
 * A Pod as the API server returns it once scheduled and running: owner, one container, IPs in status, and the
 * managedFields of its controller and kubelet, which make up much of a real list's bytes.
 */
export function makePod(pod: LabPod, index: number): Json {
  const hash = pod.name.split('-').at(-2) ?? 'x'
  const object = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: '2026-11-25T10:00:00Z',
      generateName: pod.name.slice(0, pod.name.lastIndexOf('-') + 1),
      labels: {app: pod.app, 'pod-template-hash': hash},
      name: pod.name,
      namespace: pod.namespace,
      ownerReferences: [{apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: pod.hostNetwork ? 'DaemonSet' : 'ReplicaSet', name: pod.app, uid: '7d1e0c4a-2b3f-4e5d-8a9b-0c1d2e3f4a5b'}],
      resourceVersion: String(200_000 + index),
      uid: `9a8b${index.toString(16).padStart(8, '0')}-1c2d-4e3f-8a7b-6c5d4e3f2a1b`,
    },
    spec: {
      containers: [{image: `public.ecr.aws/docker/library/${pod.app}:1.27`, imagePullPolicy: 'IfNotPresent', name: pod.app, resources: {requests: {cpu: '100m', memory: '128Mi'}}}],
      dnsPolicy: 'ClusterFirst',
      hostNetwork: pod.hostNetwork || undefined,
      nodeName: pod.nodeName,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    },
    status: {
      conditions: [
        {lastProbeTime: null, lastTransitionTime: '2026-11-25T10:00:02Z', status: 'True', type: 'PodScheduled'},
        {lastProbeTime: null, lastTransitionTime: '2026-11-25T10:00:04Z', status: 'True', type: 'Ready'},
      ],
      containerStatuses: [{containerID: `containerd://${index.toString(16).padStart(64, 'a')}`, image: `public.ecr.aws/docker/library/${pod.app}:1.27`, name: pod.app, ready: true, restartCount: 0, started: true, state: {running: {startedAt: '2026-11-25T10:00:03Z'}}}],
      hostIP: pod.nodeIp,
      hostIPs: [{ip: pod.nodeIp}],
      phase: pod.phase,
      podIP: pod.ip || undefined,
      podIPs: pod.ip ? [{ip: pod.ip}] : [],
      qosClass: 'Burstable',
      startTime: '2026-11-25T10:00:02Z',
    },
  }
  const {generateName, labels, ownerReferences} = object.metadata
  ;(object.metadata as Json).managedFields = [
    {apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: fieldsV1Of({metadata: {generateName, labels, ownerReferences}, spec: object.spec}), manager: 'kube-controller-manager', operation: 'Update', time: '2026-11-25T10:00:00Z'},
    {apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: fieldsV1Of({status: object.status}), manager: 'kubelet', operation: 'Update', subresource: 'status', time: '2026-11-25T10:00:04Z'},
  ]
  return object
}
