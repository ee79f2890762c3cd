import type {Hypervisor, InstanceTypeLimits} from './instance-type.js'

/** A row of the VPC CNI's own table (`pkg/vpc/vpc_ip_resource_limit.go`). */
export interface CniLimitRecord {
  DefaultNetworkCardIndex: number
  ENILimit: number
  HypervisorType: string
  IPv4Limit: number
  IsBareMetal: boolean
  NetworkCards: Array<{MaximumNetworkInterfaces: number; NetworkCardIndex: number}>
}

/** The members of an EC2 DescribeInstanceTypes record that vpccni reads (wire/botocore names). */
export interface Ec2InstanceTypeRecord {
  BareMetal?: boolean
  Hypervisor?: string
  InstanceType?: string
  NetworkInfo?: {
    DefaultNetworkCardIndex?: number
    Ipv4AddressesPerInterface?: number
    MaximumNetworkInterfaces?: number
    NetworkCards?: Array<{MaximumNetworkInterfaces?: number; NetworkCardIndex?: number}>
  }
  VCpuInfo?: {DefaultVCpus?: number}
}

/** A row of the VPC resource controller's trunk table (`pkg/aws/vpc/limits.go`). */
export interface BranchLimitRecord {
  BranchInterface: number
  IsTrunkingCompatible: boolean
}

const toHypervisor = (value: string | undefined): Hypervisor =>
  value === 'nitro' || value === 'xen' ? value : 'unknown'

function trunkFacts(branch: BranchLimitRecord | undefined): Pick<InstanceTypeLimits, 'branchInterfaces' | 'trunkCompatible'> {
  return branch
    ? {branchInterfaces: branch.BranchInterface, trunkCompatible: branch.IsTrunkingCompatible}
    : {branchInterfaces: null, trunkCompatible: null}
}

export function limitsFromCniRecord(
  instanceType: string,
  cni: CniLimitRecord,
  ec2: Ec2InstanceTypeRecord | undefined,
  branch: BranchLimitRecord | undefined,
): InstanceTypeLimits {
  return {
    allCardsEniLimit: cni.NetworkCards.reduce((sum, card) => sum + card.MaximumNetworkInterfaces, 0),
    bareMetal: cni.IsBareMetal,
    defaultNetworkCardIndex: cni.DefaultNetworkCardIndex,
    eniLimit: cni.ENILimit,
    hypervisor: toHypervisor(cni.HypervisorType),
    instanceType,
    ipv4PerEni: cni.IPv4Limit,
    networkCards: cni.NetworkCards.length,
    vcpus: ec2?.VCpuInfo?.DefaultVCpus ?? null,
    ...trunkFacts(branch),
  }
}

/**
 * The same derivation the CNI's table generator applies to DescribeInstanceTypes:
 * the default network card's ENIs, IPv4 per interface, hypervisor and bare metal.
 * Returns undefined for a record without network facts.
 */
export function limitsFromEc2Record(ec2: Ec2InstanceTypeRecord, branch: BranchLimitRecord | undefined): InstanceTypeLimits | undefined {
  const net = ec2.NetworkInfo
  if (!ec2.InstanceType || !net?.Ipv4AddressesPerInterface) return undefined
  const cards = net.NetworkCards ?? []
  const defaultIndex = net.DefaultNetworkCardIndex ?? 0
  const defaultCard = cards.find((card) => (card.NetworkCardIndex ?? 0) === defaultIndex)
  const eniLimit = defaultCard?.MaximumNetworkInterfaces ?? net.MaximumNetworkInterfaces
  if (!eniLimit) return undefined
  return {
    allCardsEniLimit: net.MaximumNetworkInterfaces ?? eniLimit,
    bareMetal: ec2.BareMetal ?? false,
    defaultNetworkCardIndex: defaultIndex,
    eniLimit,
    hypervisor: toHypervisor(ec2.Hypervisor),
    instanceType: ec2.InstanceType,
    ipv4PerEni: net.Ipv4AddressesPerInterface,
    networkCards: Math.max(cards.length, 1),
    vcpus: ec2.VCpuInfo?.DefaultVCpus ?? null,
    ...trunkFacts(branch),
  }
}

/** The embedded table from the public facts: the CNI's table is authoritative; EC2 adds vCPUs; the resource controller adds trunking. */
export function mergeInstanceFacts(
  cni: Record<string, CniLimitRecord>,
  ec2: Record<string, Ec2InstanceTypeRecord>,
  branch: Record<string, BranchLimitRecord>,
): InstanceTypeLimits[] {
  return Object.keys(cni).map((name) => limitsFromCniRecord(name, cni[name], ec2[name], branch[name]))
}

/** The trunk facts of a known row, to carry over onto a row rebuilt from EC2 (which does not report them). */
export function trunkRecordOf(known: InstanceTypeLimits | undefined): BranchLimitRecord | undefined {
  return known && known.trunkCompatible !== null
    ? {BranchInterface: known.branchInterfaces ?? 0, IsTrunkingCompatible: known.trunkCompatible}
    : undefined
}

/**
 * Refreshes a table from live DescribeInstanceTypes records. EC2 only describes what one region offers,
 * so types it does not return keep their current row; trunk facts are not in EC2 and are kept too.
 */
export function refreshFromEc2(current: InstanceTypeLimits[], records: Ec2InstanceTypeRecord[]): InstanceTypeLimits[] {
  const byName = new Map(current.map((t) => [t.instanceType, t]))
  for (const record of records) {
    const known = record.InstanceType ? byName.get(record.InstanceType) : undefined
    const limits = limitsFromEc2Record(record, trunkRecordOf(known))
    if (limits) byName.set(limits.instanceType, limits)
  }

  return [...byName.values()]
}

/** Fills vCPU counts that EC2's records lack from cited facts; a count EC2 gives is never replaced. */
export function fillVcpus(types: InstanceTypeLimits[], vcpusByType: Record<string, number>): InstanceTypeLimits[] {
  return types.map((t) => (t.vcpus === null && vcpusByType[t.instanceType] !== undefined ? {...t, vcpus: vcpusByType[t.instanceType]} : t))
}
