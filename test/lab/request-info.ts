/** What the API server's authorizer sees in a request (k8s.io/apiserver RequestInfo): the verb and what it acts on. */
export type RequestInfo =
  | {apiGroup: string; apiVersion: string; isResource: true; name?: string; namespace?: string; resource: string; subresource?: string; verb: string}
  | {isResource: false; path: string; verb: string}

const VERBS: Record<string, string> = {DELETE: 'delete', PATCH: 'patch', POST: 'create', PUT: 'update'}

export function resolveRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const parts = path.split('/').filter(Boolean)
  let rest: string[]
  let apiGroup = ''
  let apiVersion: string
  if (parts[0] === 'api' && parts.length >= 3) {
    apiVersion = parts[1]
    rest = parts.slice(2)
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    apiGroup = parts[1]
    apiVersion = parts[2]
    rest = parts.slice(3)
  } else {
    return {isResource: false, path, verb: method === 'GET' ? 'get' : method.toLowerCase()}
  }

  let namespace: string | undefined
  // /namespaces/NAME alone is the Namespace object itself, not a namespaced collection.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1]
    rest = rest.slice(2)
  }

  const [resource, name, subresource] = rest
  let verb = VERBS[method] ?? (name ? 'get' : query.get('watch') === 'true' ? 'watch' : 'list')
  if (method === 'DELETE' && !name) verb = 'deletecollection'
  return {apiGroup, apiVersion, isResource: true, name, namespace, resource, subresource, verb}
}

/** How kubectl and the README say it: `list pods`, `get daemonsets.apps aws-node in kube-system`, `get /version`. */
export function describePermission(info: RequestInfo): string {
  if (!info.isResource) return `${info.verb} ${info.path}`
  const resource = info.apiGroup ? `${info.resource}.${info.apiGroup}` : info.resource
  return [info.verb, resource, info.name, info.namespace && `in ${info.namespace}`].filter(Boolean).join(' ')
}
