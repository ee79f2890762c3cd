import type {DiffInput, KubeObject} from '../../core/diff/diff-report.js'
import {SourceError} from '../../errors.js'
import type {ClusterSource} from '../cluster-source.js'
import type {EksAddon, EksAnswer} from '../eks/eks-types.js'
import {parseConfigurationValues} from '../eks/parse-configuration-values.js'
import {requireAwsNode} from '../require-aws-node.js'

export interface GatheredDiffInput {
  input: DiffInput
  /** What could not be read and what the report falls back on. */
  notes: string[]
}

/** The add-on as diff needs it; EKS not answering leaves it to managedFields, with a note. */
async function addonFrom(answer: EksAnswer<EksAddon | null>, notes: string[]): Promise<DiffInput['addon']> {
  if (!answer.available) {
    notes.push(`managed or not is told from managedFields: ${answer.reason}${answer.permission ? ` (needs ${answer.permission})` : ''}`)
    return undefined
  }

  if (answer.value === null) return {basis: 'EKS DescribeAddon: no vpc-cni add-on', managed: false}
  const {addonVersion, configurationValues} = answer.value
  const addon = {basis: `EKS DescribeAddon (vpc-cni ${addonVersion ?? 'version unknown'})`, managed: true, version: addonVersion ?? undefined}
  if (!configurationValues) return addon
  try {
    return {...addon, configurationValues: await parseConfigurationValues(configurationValues)}
  } catch {
    notes.push('the add-on configurationValues are neither JSON nor YAML: compared without them')
    return addon
  }
}

/** The running add-on version's configuration schema; without it the remedy checks keys against the embedded one. */
async function withSchema(source: ClusterSource, addon: DiffInput['addon'], notes: string[]): Promise<DiffInput['addon']> {
  if (!addon?.managed || !addon.version) return addon
  const answer = await source.describeAddonConfiguration(addon.version)
  if (answer.available && answer.value.configurationSchema) return {...addon, configurationSchema: answer.value.configurationSchema}
  const why = answer.available ? 'EKS returned none' : `${answer.reason}${answer.permission ? ` (needs ${answer.permission})` : ''}`
  notes.push(`the configuration schema of vpc-cni ${addon.version} not read (${why}): configurationValues keys are checked against the embedded schema`)
  return addon
}

/** An optional read: refused or failing, the diff goes on without it and says so. */
async function optional<T>(read: Promise<T>, what: string, notes: string[]): Promise<T | undefined> {
  try {
    return await read
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    notes.push(`${what} not read (${error.message}): the checks that need it are skipped`)
    return undefined
  }
}

/**
 * What `diff` compares, from the cluster: the aws-node DaemonSet exactly as served (with managedFields), the
 * amazon-vpc-cni ConfigMap, the ENIConfig names, EKS DescribeAddon (managed or not, configurationValues) and
 * DescribeAddonConfiguration (the keys that version's configurationValues accept).
 */
export async function gatherDiffInput(source: ClusterSource): Promise<GatheredDiffInput> {
  const notes: string[] = []
  const [daemonSet, configMap, eniConfigs, addon] = await Promise.all([
    requireAwsNode(source, 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields | vpccni diff -f - reads a copy'),
    optional(source.readCniConfigMap(), 'the amazon-vpc-cni ConfigMap', notes),
    optional(source.listEniConfigs(), 'ENIConfigs', notes),
    source.describeAddon(),
  ])
  const configMapObject: KubeObject | undefined = configMap
    ? {apiVersion: 'v1', data: configMap.data, kind: 'ConfigMap', metadata: {name: 'amazon-vpc-cni', namespace: 'kube-system'}}
    : undefined
  return {
    input: {
      addon: await withSchema(source, await addonFrom(addon, notes), notes),
      // Known from --cluster, the kubeconfig context or the snapshot, also when EKS did not answer.
      clusterName: source.origin.eksCluster ?? undefined,
      configMap: configMapObject,
      daemonSet: daemonSet.manifest,
      eniConfigs: eniConfigs?.map((e) => e.name),
    },
    notes,
  }
}
