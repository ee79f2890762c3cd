/** An IPv4 address as a number, for containment tests; NaN when it is not one. */
export function ipv4ToNumber(address: string): number {
  const parts = address.split('.')
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return Number.NaN
  return parts.reduce((n, part) => n * 256 + Number(part), 0)
}

/** Whether `address` lies in `cidr` (`10.0.1.16/28`). */
export function cidrContains(cidr: string, address: string): boolean {
  const [base, bits] = cidr.split('/')
  const size = 2 ** (32 - Number(bits ?? 32))
  const start = ipv4ToNumber(base)
  const n = ipv4ToNumber(address)
  return n >= start && n < start + size
}
