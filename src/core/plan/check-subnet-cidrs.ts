import {UserError} from '../../errors.js'
import {LARGEST_SUBNET_PREFIX, SMALLEST_SUBNET_PREFIX} from './cidr.js'
import type {PlanSubnet} from './plan-input.js'

type Sized = PlanSubnet & {cidr: NonNullable<PlanSubnet['cidr']>}

const describe = (s: Sized, kind: string) => `${kind} ${s.name} (${s.cidr.text})`

/**
 * Subnets AWS could create: /16 to /28 (VPC user guide, "Subnet CIDR blocks"), and no two overlapping, as a VPC refuses
 * overlapping subnets. The same subnet named twice (an ENIConfig pointing at a node subnet, by id) is one subnet.
 */
export function checkSubnetCidrs(nodeSubnets: PlanSubnet[], podSubnets: PlanSubnet[]): void {
  const all = [
    ...nodeSubnets.map((s) => ({kind: 'subnet', s})),
    ...podSubnets.map((s) => ({kind: 'pod subnet', s})),
  ].filter((e): e is {kind: string; s: Sized} => e.s.cidr !== null)
  for (const {kind, s} of all) {
    const length = s.cidr.prefixLength
    if (length < LARGEST_SUBNET_PREFIX || length > SMALLEST_SUBNET_PREFIX) {
      throw new UserError(`${describe(s, kind)}: AWS subnets are /${LARGEST_SUBNET_PREFIX} to /${SMALLEST_SUBNET_PREFIX}, got /${length}`)
    }
  }

  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (a.s.id !== null && a.s.id === b.s.id) continue
      const overlap = a.s.cidr.base < b.s.cidr.base + b.s.cidr.size && b.s.cidr.base < a.s.cidr.base + a.s.cidr.size
      if (overlap) {
        throw new UserError(`${describe(a.s, a.kind)} and ${describe(b.s, b.kind)} overlap: a VPC refuses overlapping subnets`)
      }
    }
  }
}
