import type {DoctorReads, ReadOutcome} from '../../core/doctor/doctor-input.js'
import type {DoctorSystemPod} from '../../core/doctor/health-objects.js'
import type {HealthReads} from '../../core/doctor/health-reads.js'
import type {ClusterSource} from '../cluster-source.js'
import {parseConfigurationValues} from '../eks/parse-configuration-values.js'
import type {PodSummary} from '../kubernetes/types.js'
import {blockedBy, outcomeOf} from './read-outcome.js'

type HealthOutcomes = {[K in keyof HealthReads]: ReadOutcome<HealthReads[K]>}

/** The add-on's configurationValues for the checks: text that is neither JSON nor YAML compares as none. */
async function configurationValuesOf(text: null | string): Promise<null | Record<string, unknown>> {
  if (!text) return null
  try {
    return (await parseConfigurationValues(text)) ?? null
  } catch {
    return null
  }
}

/** The add-on version's schema and its parsed configurationValues; EKS not giving the schema leaves the diff on the embedded one. */
async function addonConfiguration(source: ClusterSource, addon: ReadOutcome<DoctorReads['addon']>): Promise<ReadOutcome<HealthReads['addonConfiguration']>> {
  const blocked = blockedBy<HealthReads['addonConfiguration']>(addon)
  if (blocked || !addon.ok) return blocked!
  if (addon.value === null) return {ok: true, value: null}
  const schema = addon.value.addonVersion ? await source.describeAddonConfiguration(addon.value.addonVersion) : undefined
  const configurationSchema = schema?.available ? schema.value.configurationSchema : null
  return {ok: true, value: {configurationSchema, configurationValues: await configurationValuesOf(addon.value.configurationValues)}}
}

/**
 * The kube-system pods as the health checks read them, taken from the pod list, which holds every one of them: a
 * second list of 35,000 pods on a 5,000-node cluster is not made, and the pod list's refusal is theirs.
 */
export function systemPodsOf(pods: ReadOutcome<PodSummary[]>): ReadOutcome<DoctorSystemPod[]> {
  return pods.ok ? {ok: true, value: pods.value.flatMap((pod) => pod.system ?? [])} : pods
}

/** The reads of the health and mode checks (CNI010–CNI031): Warning events, the aws-node ServiceAccount, NetworkPolicies, the add-on's configuration. */
export async function gatherHealthReads(source: ClusterSource, addon: ReadOutcome<DoctorReads['addon']>): Promise<Omit<HealthOutcomes, 'systemPods'>> {
  const [warningEvents, awsNodeServiceAccount, networkPolicies, configuration] = await Promise.all([
    outcomeOf(() => source.listWarningEvents()),
    outcomeOf(() => source.readAwsNodeServiceAccount()),
    outcomeOf(() => source.listNetworkPolicies()),
    addonConfiguration(source, addon),
  ])
  return {addonConfiguration: configuration, awsNodeServiceAccount, networkPolicies, warningEvents}
}
