import type {DoctorAwsNode, DoctorNode} from '../../../src/core/doctor/cluster-objects.js'
import type {DoctorInput, DoctorReads} from '../../../src/core/doctor/doctor-input.js'
import {doctorFacts} from '../../../src/sources/doctor/doctor-facts.js'

/** A node as an EKS managed node group registers it: capacity.pods from the AMI's eni-max-pods value. */
export function node(name: string, instanceType: string, capacityPods: number, group = 'ng-general'): DoctorNode {
  return {
    allocatablePods: capacityPods,
    annotations: {},
    capacityPods,
    creationTimestamp: '2026-11-30T10:00:00Z',
    instanceId: `i-0${name.padStart(16, '0')}`,
    instanceType,
    internalIp: '10.0.0.10',
    kubeletVersion: 'v1.31.4-eks-2d5f260',
    labels: {'eks.amazonaws.com/nodegroup': group, 'node.kubernetes.io/instance-type': instanceType, 'topology.kubernetes.io/zone': 'us-west-2a'},
    name: `ip-10-0-0-${name}.us-west-2.compute.internal`,
    ready: true,
    zone: 'us-west-2a',
  }
}

export function awsNode(env: Record<string, string> = {}, tag = 'v1.23.1'): DoctorAwsNode {
  return {
    containers: [{env: Object.entries(env).map(([name, value]) => ({name, value})), image: `602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:${tag}`, name: 'aws-node'}],
    generation: 1,
    initContainers: [],
    labels: {},
    manifest: {},
    status: {desiredNumberScheduled: 1, numberAvailable: 1, numberReady: 1, updatedNumberScheduled: 1},
  }
}

/** An input where the given reads answered and every other read was not made. */
export function inputWith(reads: Partial<DoctorReads>): DoctorInput {
  const types = (reads.nodes ?? []).map((n) => n.instanceType)
  return {
    cluster: {accountId: null, context: 'lab', name: 'lab', region: 'us-west-2', source: 'live', takenAt: null},
    facts: doctorFacts(types, '2026-12-02T06:00:00Z', 'lab'),
    reads: Object.fromEntries(Object.entries(reads).map(([k, value]) => [k, {ok: true, value}])),
  }
}
