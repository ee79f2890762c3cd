import {ADDRESSES_PER_PREFIX} from '../max-pods/compute-max-pods.js'
import type {DoctorEni} from './cluster-objects.js'
import {prefixBaseOf} from './ipv4.js'

/** ENIs whose addresses ipamd hands to pods: not a trunk, its branches or an EFA-only interface. */
export const isPodEni = (eni: DoctorEni): boolean => eni.interfaceType === null || eni.interfaceType === 'interface'

/** Pod addresses an ENI holds: its secondary IPs and 16 per delegated /28 prefix (its own primary IP is not a pod's). */
export const heldAddresses = (eni: DoctorEni): number => eni.secondaryIpAddresses.length + eni.ipv4Prefixes.length * ADDRESSES_PER_PREFIX

/** Which ENI holds a pod IP: by its secondary IP, or by the /28 prefix it falls in. */
export function indexEniAddresses(enis: DoctorEni[]): (ip: string) => DoctorEni | undefined {
  const byIp = new Map<string, DoctorEni>()
  const byPrefix = new Map<number, DoctorEni>()
  for (const eni of enis) {
    for (const ip of eni.secondaryIpAddresses) byIp.set(ip, eni)
    for (const prefix of eni.ipv4Prefixes) byPrefix.set(prefixBaseOf(prefix.split('/')[0]), eni)
  }

  // Most clusters run without prefixes: skip the arithmetic then.
  return byPrefix.size === 0 ? (ip) => byIp.get(ip) : (ip) => byIp.get(ip) ?? byPrefix.get(prefixBaseOf(ip))
}
