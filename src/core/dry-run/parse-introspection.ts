import {UserError} from '../../errors.js'
import {isRecord} from '../is-record.js'
import {type DatastoreAddress, type DatastoreEni, type DatastoreView, parseJsonObject} from './datastore-view.js'

/** Go's zero time, which `/v1/enis` shows for an address never given back. */
const ZERO_TIME = '0001-01-01T00:00:00Z'

const bad = (file: string, why: string): UserError =>
  new UserError(`--introspection ${file}: not an ipamd /v1/enis answer (${why})`, {
    hint: 'save it on the node with: curl -s localhost:61679/v1/enis > enis.json',
  })

/**
 * `GET localhost:61679/v1/enis` (datastore.ENIInfos): keyed by network card since v1.20.0, a single ENIInfos
 * before. Only network card 0 is read, the one the warm-pool model covers.
 */
export function parseIntrospection(text: string, file: string): DatastoreView {
  const document = parseJsonObject(text, (why) => bad(file, why))
  const infos = 'TotalIPs' in document ? document : document['0']
  if (!isRecord(infos) || !isRecord(infos.ENIs)) throw bad(file, 'no ENIs for network card 0')
  const enis: DatastoreEni[] = []
  const addresses: DatastoreAddress[] = []
  for (const [id, eni] of Object.entries(infos.ENIs)) {
    if (!isRecord(eni) || !isRecord(eni.AvailableIPv4Cidrs)) throw bad(file, `ENI ${id} has no AvailableIPv4Cidrs`)
    enis.push({efa: eni.IsEFA === true, excluded: eni.IsExcludedForPodIPs === true, id, trunk: eni.IsTrunk === true})
    for (const [cidr, info] of Object.entries(eni.AvailableIPv4Cidrs)) {
      if (!isRecord(info)) throw bad(file, `CIDR ${cidr} of ${id} is not an object`)
      for (const [address, entry] of Object.entries(isRecord(info.IPAddresses) ? info.IPAddresses : {})) {
        addresses.push(readAddress(file, id, address, entry))
      }
    }
  }

  return {addresses, enis, file, kind: 'introspection'}
}

function readAddress(file: string, eniId: string, address: string, entry: unknown): DatastoreAddress {
  if (!isRecord(entry) || !isRecord(entry.IPAMKey)) throw bad(file, `address ${address} has no IPAMKey`)
  const metadata = isRecord(entry.IPAMMetadata) ? entry.IPAMMetadata : {}
  const pod = typeof metadata.k8sPodName === 'string' ? `${String(metadata.k8sPodNamespace ?? '')}/${metadata.k8sPodName}` : null
  const unassigned = typeof entry.UnassignedTime === 'string' && entry.UnassignedTime !== ZERO_TIME ? Date.parse(entry.UnassignedTime) : Number.NaN
  // An address is assigned iff its IPAM key is set (containerID and ifName are blanked since v1.23.0).
  const assigned = typeof entry.IPAMKey.networkName === 'string' && entry.IPAMKey.networkName !== ''
  return {address, assigned, eniId, pod: assigned ? pod : null, unassignedAt: Number.isNaN(unassigned) ? null : unassigned / 1000}
}
