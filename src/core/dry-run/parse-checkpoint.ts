import {UserError} from '../../errors.js'
import {isRecord} from '../is-record.js'
import {type DatastoreAddress, type DatastoreView, parseJsonObject} from './datastore-view.js'
import {ipv4ToNumber} from './ipv4.js'

/** CheckpointFormatVersion in pkg/ipamd/datastore: ipamd refuses to restore any other. */
const CHECKPOINT_VERSION = 'vpc-cni-ipam/1'

const bad = (file: string, why: string): UserError =>
  new UserError(`--checkpoint ${file}: not an ipamd checkpoint (${why})`, {hint: 'save /var/run/aws-node/ipam.json from the node'})

/**
 * `/var/run/aws-node/ipam.json` as ipamd writes it (datastore.CheckpointData): only assigned addresses, the
 * IPAM key at the top level of each allocation, pod name and namespace under `metadata`.
 */
export function parseCheckpoint(text: string, file: string): DatastoreView {
  const document = parseJsonObject(text, (why) => bad(file, why))
  if (document.version !== CHECKPOINT_VERSION) throw bad(file, `version ${JSON.stringify(document.version)}, expected "${CHECKPOINT_VERSION}"`)
  if (!Array.isArray(document.allocations)) throw bad(file, 'no allocations list')
  const addresses: DatastoreAddress[] = []
  for (const [index, entry] of document.allocations.entries()) {
    if (!isRecord(entry) || typeof entry.containerID !== 'string') throw bad(file, `allocation ${index} has no containerID`)
    // IPv6 allocations carry `ipv6` instead; the warm pool is IPv4.
    if (entry.ipv4 === undefined) continue
    if (typeof entry.ipv4 !== 'string') throw bad(file, `allocation ${index} has an ipv4 that is not a string`)
    if (Number.isNaN(ipv4ToNumber(entry.ipv4))) throw bad(file, `allocation ${index} field ipv4: ${JSON.stringify(entry.ipv4.slice(0, 40))} is not an IPv4 address`)
    if (entry.metadata !== undefined && !isRecord(entry.metadata)) throw bad(file, `allocation ${index} field metadata is not an object`)
    const metadata = isRecord(entry.metadata) ? entry.metadata : {}
    for (const field of ['k8sPodName', 'k8sPodNamespace']) {
      if (metadata[field] !== undefined && typeof metadata[field] !== 'string') throw bad(file, `allocation ${index} field metadata.${field} is not a string`)
    }

    const pod = typeof metadata.k8sPodName === 'string' ? `${String(metadata.k8sPodNamespace ?? '')}/${metadata.k8sPodName}` : null
    addresses.push({address: entry.ipv4, assigned: true, eniId: null, pod, unassignedAt: null})
  }

  return {addresses, enis: [], file, kind: 'checkpoint'}
}
