import {UserError} from '../../errors.js'

/** An IPv4 CIDR block, parsed. */
export interface Ipv4Cidr {
  /** The first address, as a number. */
  base: number
  prefixLength: number
  /** Addresses in the block: 2^(32 − prefix length). */
  size: number
  /** As written, normalised (`10.0.0.0/23`). */
  text: string
}

/** EC2 reserves the first four addresses and the last one of every subnet (VPC user guide, "Subnet CIDR blocks"). */
export const AWS_RESERVED_PER_SUBNET = 5
/** The largest and smallest IPv4 subnets EC2 allows. */
export const LARGEST_SUBNET_PREFIX = 16
export const SMALLEST_SUBNET_PREFIX = 28

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/** `10.0.0.0/23`; host bits set or a prefix outside /0–/32 are bad input, said in one line. */
export function parseIpv4Cidr(text: string, what: string): Ipv4Cidr {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim())
  const octets = match?.[1].split('.') ?? []
  const prefixLength = Number(match?.[2])
  if (!match || octets.length !== 4 || !octets.every((o) => OCTET.test(o)) || prefixLength > 32) {
    throw new UserError(`${what}: "${text}" is not an IPv4 CIDR`, {hint: 'e.g. 10.0.0.0/23'})
  }

  const base = octets.reduce((n, o) => n * 256 + Number(o), 0)
  const size = 2 ** (32 - prefixLength)
  if (base % size !== 0) {
    throw new UserError(`${what}: "${text}" has host bits set`, {hint: `the block starting there is ${formatIpv4(base - (base % size))}/${prefixLength}`})
  }

  return {base, prefixLength, size, text: `${octets.map(Number).join('.')}/${prefixLength}`}
}

export const formatIpv4 = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
