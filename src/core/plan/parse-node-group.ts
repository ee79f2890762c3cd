import {UserError} from '../../errors.js'

/** `--node-group TYPE:COUNT[:MAX[:PODS]]` as written, before the type is looked up. */
export interface NodeGroupSpec {
  count: number
  instanceType: string
  max: number
  podsPerNode: null | number
}

const FORMAT = 'TYPE:COUNT[:MAX[:PODS]], e.g. m5.large:3:10:20'

function count(text: string, what: string, spec: string, min: number): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new UserError(`--node-group ${spec}: ${what} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${text}"`, {hint: FORMAT})
  }

  return Number(text)
}

export function parseNodeGroupSpec(spec: string): NodeGroupSpec {
  const parts = spec.split(':')
  if (parts.length < 2 || parts.length > 4 || !parts[0].trim()) {
    throw new UserError(`--node-group expects ${FORMAT}; got "${spec}"`)
  }

  const desired = count(parts[1], 'COUNT', spec, 0)
  const max = parts[2] === undefined || parts[2] === '' ? desired : count(parts[2], 'MAX', spec, 1)
  if (max < desired) throw new UserError(`--node-group ${spec}: MAX ${max} is below COUNT ${desired}`)
  const podsPerNode = parts[3] === undefined ? null : count(parts[3], 'PODS', spec, 0)
  return {count: desired, instanceType: parts[0].trim(), max, podsPerNode}
}

/** `ZONE=CIDR` for --subnet and --pod-subnet. */
export function parseZoneAssignment(text: string, flag: string): {cidr: string; zone: string} {
  const eq = text.indexOf('=')
  if (eq <= 0 || eq === text.length - 1) throw new UserError(`${flag} expects ZONE=CIDR, got "${text}"`, {hint: `e.g. ${flag} us-west-2a=10.0.0.0/23`})
  return {cidr: text.slice(eq + 1).trim(), zone: text.slice(0, eq).trim()}
}
