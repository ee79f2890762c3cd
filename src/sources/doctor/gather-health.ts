import type {DoctorReads, ReadOutcome} from '../../core/doctor/doctor-input.js'
import type {HealthReads} from '../../core/doctor/health-reads.js'
import type {ClusterSource} from '../cluster-source.js'
import {parseConfigurationValues} from '../eks/parse-configuration-values.js'
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

/** The reads of the health and mode checks (CNI010–CNI031): kube-system pods, Warning events, the aws-node ServiceAccount, NetworkPolicies. */
export async function gatherHealthReads(source: ClusterSource, addon: ReadOutcome<DoctorReads['addon']>): Promise<HealthOutcomes> {
  const [systemPods, warningEvents, awsNodeServiceAccount, networkPolicies, configuration] = await Promise.all([
    outcomeOf(() => source.listSystemPods()),
    outcomeOf(() => source.listWarningEvents()),
    outcomeOf(() => source.readAwsNodeServiceAccount()),
    outcomeOf(() => source.listNetworkPolicies()),
    addonConfiguration(source, addon),
  ])
  return {addonConfiguration: configuration, awsNodeServiceAccount, networkPolicies, systemPods, warningEvents}
}
