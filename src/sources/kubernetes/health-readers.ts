import type {DoctorEvent, DoctorNetworkPolicy, DoctorServiceAccount} from '../../core/doctor/health-objects.js'
import type {LabelSelector} from '../../core/label-selector.js'
import {arrayAt, objectAt, stringAt, stringMap} from './json-fields.js'
import type {KubeGet} from './kube-get.js'
import {KubeRequestError} from './kube-request-error.js'
import {listAllPages} from './list-pages.js'
import {summarizeWarningEvent} from './summarize-health.js'

const isAbsent = (error: unknown): boolean => error instanceof KubeRequestError && error.status === 404

/** Warning events of every namespace, filtered by the API server (`type=Warning`). */
export function listWarningEvents(get: KubeGet): Promise<DoctorEvent[]> {
  return listAllPages(get, '/api/v1/events', {fieldSelector: 'type=Warning'}, summarizeWarningEvent)
}

/** The aws-node ServiceAccount (IRSA annotation); null when absent. */
export async function readAwsNodeServiceAccount(get: KubeGet): Promise<DoctorServiceAccount | null> {
  try {
    const account = await get('/api/v1/namespaces/kube-system/serviceaccounts/aws-node')
    const metadata = objectAt(account.metadata)
    return {annotations: stringMap(metadata.annotations), name: stringAt(metadata.name) ?? 'aws-node'}
  } catch (error) {
    if (isAbsent(error)) return null
    throw error
  }
}

/** A label selector as the API server holds it; left out parts are empty (so an absent selector selects all). */
function summarizeSelector(value: unknown): LabelSelector {
  const selector = objectAt(value)
  return {
    matchExpressions: arrayAt(selector.matchExpressions).map((r) => ({
      key: stringAt(r.key) ?? '',
      operator: stringAt(r.operator) ?? '',
      values: (Array.isArray(r.values) ? r.values : []).filter((v): v is string => typeof v === 'string'),
    })),
    matchLabels: stringMap(selector.matchLabels),
  }
}

/** NetworkPolicy objects: name, namespace and the pods they select; null when the API is not served. */
export async function listNetworkPolicies(get: KubeGet): Promise<DoctorNetworkPolicy[] | null> {
  try {
    return await listAllPages(get, '/apis/networking.k8s.io/v1/networkpolicies', {}, (policy) => {
      const metadata = objectAt(policy.metadata)
      return {name: stringAt(metadata.name) ?? '', namespace: stringAt(metadata.namespace) ?? '', podSelector: summarizeSelector(objectAt(policy.spec).podSelector)}
    })
  } catch (error) {
    if (isAbsent(error)) return null
    throw error
  }
}
