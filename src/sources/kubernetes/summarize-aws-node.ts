import {arrayAt, objectAt, stringAt, stringMap} from './json-fields.js'
import type {AwsNodeDaemonSet, ContainerSummary, EnvVar, JsonObject, ManagedFieldsEntry} from './types.js'

/** `manifest` stays untouched, as `kubectl get -o json --show-managed-fields` shows it, for the diff against the add-on. */
export function summarizeAwsNode(daemonSet: JsonObject): AwsNodeDaemonSet {
  const metadata = objectAt(daemonSet.metadata)
  const podSpec = objectAt(objectAt(objectAt(daemonSet.spec).template).spec)
  const status = objectAt(daemonSet.status)
  const count = (value: unknown): number => (typeof value === 'number' ? value : 0)
  return {
    annotations: stringMap(metadata.annotations),
    containers: arrayAt(podSpec.containers).map((c) => summarizeContainer(c)),
    generation: count(metadata.generation),
    initContainers: arrayAt(podSpec.initContainers).map((c) => summarizeContainer(c)),
    labels: stringMap(metadata.labels),
    managedFields: arrayAt(metadata.managedFields).map((entry) => summarizeManagedFields(entry)),
    manifest: daemonSet,
    resourceVersion: stringAt(metadata.resourceVersion) ?? '',
    status: {
      desiredNumberScheduled: count(status.desiredNumberScheduled),
      numberAvailable: count(status.numberAvailable),
      numberReady: count(status.numberReady),
      updatedNumberScheduled: count(status.updatedNumberScheduled),
    },
  }
}

function summarizeContainer(container: JsonObject): ContainerSummary {
  return {
    env: arrayAt(container.env).map((entry) => summarizeEnvVar(entry)),
    image: stringAt(container.image) ?? '',
    name: stringAt(container.name) ?? '',
  }
}

export function summarizeEnvVar(entry: JsonObject): EnvVar {
  const env: EnvVar = {name: stringAt(entry.name) ?? ''}
  if (typeof entry.value === 'string') env.value = entry.value
  if (entry.valueFrom !== undefined) env.valueFrom = objectAt(entry.valueFrom)
  return env
}

function summarizeManagedFields(entry: JsonObject): ManagedFieldsEntry {
  const summary: ManagedFieldsEntry = {
    apiVersion: stringAt(entry.apiVersion) ?? '',
    fieldsType: stringAt(entry.fieldsType) ?? '',
    fieldsV1: objectAt(entry.fieldsV1),
    manager: stringAt(entry.manager) ?? '',
    operation: stringAt(entry.operation) ?? '',
  }
  if (typeof entry.subresource === 'string') summary.subresource = entry.subresource
  if (typeof entry.time === 'string') summary.time = entry.time
  return summary
}
