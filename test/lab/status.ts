/** A failure the lab answers as the API server does: a `Status` object with the HTTP code, a reason and details. */
export class LabStatus extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: object,
  ) {
    super(message)
  }

  toJSON(): object {
    return {apiVersion: 'v1', code: this.code, details: this.details, kind: 'Status', message: this.message, metadata: {}, reason: this.reason, status: 'Failure'}
  }
}

export function notFound(resource: string, name?: string, group = ''): LabStatus {
  if (!name) return new LabStatus(404, 'NotFound', 'the server could not find the requested resource', {})
  const qualified = group ? `${resource}.${group}` : resource
  return new LabStatus(404, 'NotFound', `${qualified} "${name}" not found`, {group: group || undefined, kind: resource, name})
}
