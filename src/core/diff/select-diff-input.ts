import {UserError} from '../../errors.js'
import type {DiffInput, KubeObject} from './diff-report.js'

const isObject = (value: unknown): value is KubeObject => typeof value === 'object' && value !== null && !Array.isArray(value)
const nameOf = (object: KubeObject) => String((object.metadata as {name?: unknown} | undefined)?.name ?? '')

/** Documents and List items, in order: `kubectl get a b -o yaml` wraps several objects in a List. */
function expandLists(documents: unknown[]): KubeObject[] {
  return documents.flatMap((doc) => {
    if (!isObject(doc)) return []
    return Array.isArray(doc.items) && String(doc.kind ?? '').endsWith('List') ? expandLists(doc.items) : [doc]
  })
}

/**
 * The aws-node DaemonSet, the amazon-vpc-cni ConfigMap and any ENIConfigs among parsed documents.
 * Anything else where the DaemonSet should be is bad input, named in one line.
 */
export function selectDiffInput(documents: unknown[], source: string): DiffInput {
  const objects = expandLists(documents)
  if (objects.length === 0) throw new UserError(`${source} holds no Kubernetes object`)
  const daemonSets = objects.filter((o) => o.kind === 'DaemonSet')
  const named = daemonSets.filter((o) => nameOf(o) === 'aws-node')
  if (named.length > 1) {
    const where = named.map((o) => String((o.metadata as {namespace?: unknown} | undefined)?.namespace ?? '(no namespace)')).join(', ')
    throw new UserError(`${source} holds ${named.length} aws-node DaemonSets (namespaces ${where}): give one`, {
      hint: 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields',
    })
  }

  const daemonSet = named[0]
  if (!daemonSet) {
    const first = daemonSets[0] ?? objects[0]
    const what = first.kind ? `${String(first.kind)} ${nameOf(first) || '(unnamed)'}` : 'an object without a kind'
    throw new UserError(`${source} holds ${what}, not the aws-node DaemonSet`, {
      hint: 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields',
    })
  }

  if (!isObject(daemonSet.spec)) throw new UserError(`the aws-node DaemonSet in ${source} has no spec`)
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && nameOf(o) === 'amazon-vpc-cni')
  const eniConfigs = objects.filter((o) => o.kind === 'ENIConfig').map((o) => nameOf(o))
  return {configMap, daemonSet, eniConfigs: eniConfigs.length > 0 ? eniConfigs : undefined}
}
