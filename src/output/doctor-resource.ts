import type {FindingResource} from '../core/doctor/check.js'

/** `Kind/namespace/name`, or `Kind/name` for a cluster-scoped resource: how every format names a finding's resource. */
export const resourcePath = (resource: FindingResource): string =>
  `${resource.kind}/${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`
