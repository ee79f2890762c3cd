export type Hypervisor = 'nitro' | 'unknown' | 'xen'

/** What vpccni knows of one EC2 instance type, as ipamd and the VPC resource controller see it. */
export interface InstanceTypeLimits {
  /** ENIs across all network cards; only the default card's count for pods (`eniLimit`). */
  allCardsEniLimit: number
  bareMetal: boolean
  /** Branch ENIs for security groups for pods; null when the resource controller's table does not list the type. */
  branchInterfaces: null | number
  defaultNetworkCardIndex: number
  /** ENIs on the default network card: the only ones ipamd uses without ENABLE_MULTI_NIC. */
  eniLimit: number
  hypervisor: Hypervisor
  instanceType: string
  /** IPv4 addresses per ENI, the ENI's own primary address included. */
  ipv4PerEni: number
  networkCards: number
  /** Whether the type can carry a trunk ENI; null when the resource controller's table does not list the type. */
  trunkCompatible: boolean | null
  /** Default vCPUs; null for the older types EC2 no longer describes. */
  vcpus: null | number
}

/** Where an embedded table came from, shown in `--help` and `--explain`. */
export interface DataSource {
  commit?: string
  date?: string
  description: string
  path?: string
  repository?: string
}

export interface InstanceDataInfo {
  generatedAt: string
  sources: DataSource[]
  typeCount: number
}
