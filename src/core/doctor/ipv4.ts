/** IPv4 arithmetic on dotted quads and CIDRs, as unsigned 32-bit numbers. */

export function ipToNumber(ip: string): number {
  const octets = ip.split('.').map(Number)
  return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3]
}

export function parseCidr(cidr: string): {base: number; prefixLength: number; size: number} {
  const [ip, length] = cidr.split('/')
  const prefixLength = Number(length)
  const size = 2 ** (32 - prefixLength)
  return {base: ipToNumber(ip) - (ipToNumber(ip) % size), prefixLength, size}
}

/** The /28 a delegated prefix or an address falls in: prefixes are aligned to 16 addresses. */
export const prefixBaseOf = (ip: string): number => ipToNumber(ip) - (ipToNumber(ip) % 16)
