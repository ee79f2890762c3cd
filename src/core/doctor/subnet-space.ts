import type {DoctorCidrReservation, DoctorEni, DoctorSubnet} from './cluster-objects.js'
import {ipToNumber, parseCidr} from './ipv4.js'

/** Addresses ENIs take in a subnet: every private IP (primary and secondary) and each delegated /28 whole. */
export function usedAddresses(enis: DoctorEni[]): {ips: Set<number>; prefixes: Set<number>} {
  const ips = new Set<number>()
  const prefixes = new Set<number>()
  for (const eni of enis) {
    if (eni.privateIpAddress) ips.add(ipToNumber(eni.privateIpAddress))
    for (const ip of eni.secondaryIpAddresses) ips.add(ipToNumber(ip))
    for (const prefix of eni.ipv4Prefixes) prefixes.add(parseCidr(prefix).base)
  }

  return {ips, prefixes}
}

/**
 * Free addresses inside the subnet's prefix-type CIDR reservations: EC2 leaves them out of AvailableIpAddressCount,
 * yet ipamd's prefixes come from them. A reservation's size less what ENIs already took there.
 */
export function prefixReservationFree(subnet: DoctorSubnet, reservations: DoctorCidrReservation[], enis: DoctorEni[]): number {
  const mine = reservations.filter((r) => r.subnetId === subnet.subnetId && r.reservationType === 'prefix')
  if (mine.length === 0) return 0
  const used = usedAddresses(enis)
  let free = 0
  for (const reservation of mine) {
    const {base, size} = parseCidr(reservation.cidr)
    let taken = 0
    for (const ip of used.ips) if (ip >= base && ip < base + size) taken++
    for (const prefix of used.prefixes) if (prefix >= base && prefix < base + size) taken += 16
    free += Math.max(0, size - taken)
  }

  return free
}

/** What a subnet has for new pod addresses: AvailableIpAddressCount plus the free space of its prefix reservations. */
export function subnetFree(subnet: DoctorSubnet, reservations: DoctorCidrReservation[], enis: DoctorEni[]): null | {available: number; free: number; reservedForPrefixes: number} {
  if (subnet.availableIpAddressCount === null) return null
  const reservedForPrefixes = prefixReservationFree(subnet, reservations, enis)
  return {available: subnet.availableIpAddressCount, free: subnet.availableIpAddressCount + reservedForPrefixes, reservedForPrefixes}
}
