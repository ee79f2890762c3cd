import type {DoctorInput, DoctorReads, ReadOutcome} from '../../core/doctor/doctor-input.js'
import type {ClusterSource} from '../cluster-source.js'
import {doctorFacts} from './doctor-facts.js'
import {gatherHealthReads} from './gather-health.js'
import {blockedBy, eksOutcomeOf, outcomeOf} from './read-outcome.js'

const unique = (values: Array<null | string | undefined>): string[] => [...new Set(values.filter((v): v is string => Boolean(v)))].sort()

/**
 * The one gathering step of doctor: every read the checks need, each as an outcome. The Kubernetes and EKS reads go
 * together; EC2 then asks about the nodes' instances and ENIs and the subnets in use, in batches (never per node).
 */
export async function gatherDoctorInput(source: ClusterSource, now: string, progress: (step: string) => void = () => {}): Promise<DoctorInput> {
  progress('reading Kubernetes and EKS')
  const [serverVersion, nodes, pods, awsNode, cniConfigMap, eniConfigs, sandboxFailures, eksCluster, addon] = await Promise.all([
    outcomeOf(() => source.readServerVersion()),
    outcomeOf(() => source.listNodes()),
    outcomeOf(() => source.listPods()),
    outcomeOf(() => source.readAwsNode()),
    outcomeOf(() => source.readCniConfigMap()),
    outcomeOf(() => source.listEniConfigs()),
    outcomeOf(() => source.listSandboxFailures()),
    eksOutcomeOf(() => source.describeCluster(), (c) => ({...c, issues: []})),
    eksOutcomeOf(() => source.describeAddon()),
  ])
  progress('reading EC2 instances and ENIs')
  const instanceIds = nodes.ok ? unique(nodes.value.map((n) => n.instanceId)) : []
  const [instances, networkInterfaces, health] = await Promise.all([
    blockedBy<DoctorReads['instances']>(nodes) ?? outcomeOf(() => source.describeInstances(instanceIds)),
    blockedBy<DoctorReads['networkInterfaces']>(nodes) ?? outcomeOf(() => source.describeNetworkInterfaces(instanceIds)),
    gatherHealthReads(source, addon),
  ])
  const subnetIds = unique([
    ...(networkInterfaces.ok ? networkInterfaces.value.map((eni) => eni.subnetId) : []),
    ...(instances.ok ? instances.value.map((instance) => instance.subnetId) : []),
    ...(eniConfigs.ok ? eniConfigs.value.map((config) => config.subnet) : []),
    ...(eksCluster.ok ? eksCluster.value.subnetIds : []),
  ])
  progress('reading subnets')
  const subnets: ReadOutcome<DoctorReads['subnets']> = await outcomeOf(() => source.describeSubnets(subnetIds))
  const {context, eksCluster: name, kind, region, takenAt} = source.origin
  return {
    cluster: {context: context?.name ?? null, name, region, source: kind, takenAt},
    facts: doctorFacts(nodes.ok ? nodes.value.map((n) => n.instanceType) : [], now),
    reads: {...health, addon, awsNode, cniConfigMap, eksCluster, eniConfigs, instances, networkInterfaces, nodes, pods, sandboxFailures, serverVersion, subnets},
  }
}
