/** The kinds the lab serves, described as the API server's discovery describes them. */
export interface LabResource {
  group: string
  kind: string
  namespaced: boolean
  plural: string
  shortNames?: string[]
  singular: string
  version: string
}

export const ENICONFIG_GROUP = 'crd.k8s.amazonaws.com'

export const LAB_RESOURCES: LabResource[] = [
  {group: '', kind: 'Namespace', namespaced: false, plural: 'namespaces', shortNames: ['ns'], singular: 'namespace', version: 'v1'},
  {group: '', kind: 'Node', namespaced: false, plural: 'nodes', shortNames: ['no'], singular: 'node', version: 'v1'},
  {group: '', kind: 'Pod', namespaced: true, plural: 'pods', shortNames: ['po'], singular: 'pod', version: 'v1'},
  {group: '', kind: 'ConfigMap', namespaced: true, plural: 'configmaps', shortNames: ['cm'], singular: 'configmap', version: 'v1'},
  {group: '', kind: 'Event', namespaced: true, plural: 'events', shortNames: ['ev'], singular: 'event', version: 'v1'},
  {group: '', kind: 'ServiceAccount', namespaced: true, plural: 'serviceaccounts', shortNames: ['sa'], singular: 'serviceaccount', version: 'v1'},
  {group: 'networking.k8s.io', kind: 'NetworkPolicy', namespaced: true, plural: 'networkpolicies', shortNames: ['netpol'], singular: 'networkpolicy', version: 'v1'},
  {group: 'apps', kind: 'DaemonSet', namespaced: true, plural: 'daemonsets', shortNames: ['ds'], singular: 'daemonset', version: 'v1'},
  {group: ENICONFIG_GROUP, kind: 'ENIConfig', namespaced: false, plural: 'eniconfigs', singular: 'eniconfig', version: 'v1alpha1'},
]

export function groupVersion(resource: LabResource): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version
}

/** Discovery documents: /api, /apis, /api/v1, /apis/GROUP, /apis/GROUP/VERSION. Undefined for any other path. */
export function discoveryDocument(path: string, resources: LabResource[]): object | undefined {
  const groups = [...new Set(resources.filter((r) => r.group).map((r) => r.group))]
  const versionOf = (group: string): string => resources.find((r) => r.group === group)!.version
  const groupEntry = (group: string) => {
    const gv = {groupVersion: `${group}/${versionOf(group)}`, version: versionOf(group)}
    return {name: group, preferredVersion: gv, versions: [gv]}
  }

  if (path === '/api') return {kind: 'APIVersions', serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:443'}], versions: ['v1']}
  if (path === '/apis') return {apiVersion: 'v1', groups: groups.map((g) => groupEntry(g)), kind: 'APIGroupList'}
  const group = /^\/apis\/([^/]+)$/.exec(path)?.[1]
  if (group && groups.includes(group)) return {apiVersion: 'v1', kind: 'APIGroup', ...groupEntry(group)}
  const gv = path === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1]
  const listed = resources.filter((r) => groupVersion(r) === gv)
  if (listed.length === 0) return undefined
  return {
    apiVersion: 'v1',
    groupVersion: gv,
    kind: 'APIResourceList',
    resources: listed.map((r) => ({
      kind: r.kind,
      name: r.plural,
      namespaced: r.namespaced,
      shortNames: r.shortNames,
      singularName: r.singular,
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    })),
  }
}
