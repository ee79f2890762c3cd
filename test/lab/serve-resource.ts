import {compileFieldSelector} from './field-selector.js'
import {pageList} from './paging.js'
import type {RequestInfo} from './request-info.js'
import {discoveryDocument, groupVersion, type LabResource} from './resources.js'
import {LabStatus, notFound} from './status.js'

type Json = {[key: string]: unknown}

/** What the lab holds: the objects of each resource (by plural) and the resources it serves (no ENIConfig CRD: none). */
export interface LabState {
  objects: Map<string, Json[]>
  resourceVersion: string
  resources: LabResource[]
  version: Json
}

/** A body already serialised: lists are written from each item's cached JSON, so 100,000 pods page quickly. */
export class RawJson {
  constructor(readonly text: string) {}
}

const itemJson = new WeakMap<Json, string>()

/** Answers one GET as the API server would: /version, discovery, get by name, or a paged list. */
export function serveGet(state: LabState, path: string, query: URLSearchParams, info: RequestInfo): object {
  if (!info.isResource) {
    if (path === '/version') return state.version
    const document = discoveryDocument(path, state.resources)
    if (document) return document
    throw notFound('')
  }

  const resource = state.resources.find((r) => r.plural === info.resource && r.group === info.apiGroup && r.version === info.apiVersion)
  if (!resource || info.subresource) throw notFound(info.resource)
  const inNamespace = (object: Json): boolean => !info.namespace || (object.metadata as Json).namespace === info.namespace
  const objects = (state.objects.get(resource.plural) ?? []).filter((o) => inNamespace(o))
  if (info.name) {
    const found = objects.find((o) => (o.metadata as Json).name === info.name)
    if (!found) throw notFound(resource.plural, info.name, resource.group)
    return found
  }

  if (info.verb !== 'list') throw new LabStatus(405, 'MethodNotAllowed', `the lab does not serve ${info.verb}`)
  return listOf(state, resource, objects, query)
}

function listOf(state: LabState, resource: LabResource, objects: Json[], query: URLSearchParams): RawJson {
  const matches = compileFieldSelector(resource.plural, query.get('fieldSelector'))
  const selected = matches ? objects.filter((o) => matches(o)) : objects
  const page = pageList(selected, query, state.resourceVersion, Boolean(matches || query.get('labelSelector')))
  const metadata = {continue: page.continue, remainingItemCount: page.remainingItemCount, resourceVersion: state.resourceVersion}
  const head = JSON.stringify({apiVersion: groupVersion(resource), kind: `${resource.kind}List`, metadata}).slice(0, -1)
  return new RawJson(`${head},"items":[${page.items.map((item) => listItemJson(item)).join(',')}]}`)
}

/** The API server leaves kind and apiVersion out of list items (kubectl puts them back). */
function listItemJson(item: Json): string {
  let text = itemJson.get(item)
  if (text === undefined) {
    const {apiVersion: _apiVersion, kind: _kind, ...rest} = item
    text = JSON.stringify(rest)
    itemJson.set(item, text)
  }

  return text
}
