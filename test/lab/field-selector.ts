import {LabStatus} from './status.js'

type Json = {[key: string]: unknown}

/** Field labels each kind supports (as the API server registers them); others are refused with 400. */
const SUPPORTED: Record<string, string[]> = {
  events: ['involvedObject.kind', 'involvedObject.name', 'involvedObject.namespace', 'reason', 'type', 'source'],
  pods: ['spec.nodeName', 'status.phase', 'spec.hostNetwork', 'status.podIP'],
}

const COMMON = ['metadata.name', 'metadata.namespace']

/** A matcher for `fieldSelector=a=b,c!=d`; undefined when there is none. */
export function compileFieldSelector(resource: string, selector: string | null): ((object: Json) => boolean) | undefined {
  if (!selector) return undefined
  const terms = selector.split(',').map((term) => {
    const match = /^([^!=]+)(==|=|!=)(.*)$/.exec(term)
    if (!match) throw new LabStatus(400, 'BadRequest', `invalid field selector: ${term}`)
    const [, field, operator, value] = match
    if (!COMMON.includes(field) && !SUPPORTED[resource]?.includes(field)) {
      throw new LabStatus(400, 'BadRequest', `field label not supported: ${field}`)
    }

    return {field, negate: operator === '!=', value}
  })
  return (object) =>
    terms.every(({field, negate, value}) => (String(readPath(object, field === 'source' ? 'source.component' : field) ?? '') === value) !== negate)
}

function readPath(object: Json, path: string): unknown {
  let value: unknown = object
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Json)[key] : undefined
  return value
}
