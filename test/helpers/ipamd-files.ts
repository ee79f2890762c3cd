/**
 * ipamd's on-node files exactly as the Go code writes them (ipamd-interfaces.md): the checkpoint
 * (datastore.CheckpointData, version vpc-cni-ipam/1) and `/v1/enis` (datastore.ENIInfos keyed by network card).
 */
export interface FileAddress {
  address: string
  /** `namespace/name`; absent: the address was given back. */
  pod?: string
  /** Seconds ago the pod gave it back. */
  unassignedSecondsAgo?: number
}

const ZERO_TIME = '0001-01-01T00:00:00Z'

export function checkpointJson(allocations: Array<{address: string; pod: string}>): string {
  const entries = allocations.map(({address, pod}, i) => {
    const [namespace, name] = pod.split('/')
    return {
      networkName: 'aws-cni',
      containerID: i.toString(16).padStart(64, '3f1c0e'),
      ifName: 'eth0',
      ipv4: address,
      allocationTimestamp: 1_764_000_000_123_456_789 + i,
      metadata: {k8sPodNamespace: namespace, k8sPodName: name},
    }
  })
  return `${JSON.stringify({version: 'vpc-cni-ipam/1', allocations: entries})}\n`
}

/** `/v1/enis` for network card 0; `nowMs` is the wall clock the unassigned times count back from. */
export function introspectionJson(enis: Array<{addresses: FileAddress[]; cidrs: string[]; id: string; primary: boolean; subnetId: string}>, nowMs: number): string {
  let total = 0
  let assigned = 0
  const ENIs: Record<string, unknown> = {}
  for (const [index, eni] of enis.entries()) {
    const cidrs: Record<string, unknown> = {}
    for (const cidr of eni.cidrs) {
      const prefix = cidr.endsWith('/28')
      total += prefix ? 16 : 1
      const [ip] = cidr.split('/')
      const inCidr = eni.addresses.filter((a) => (prefix ? sameSlash28(a.address, ip) : a.address === ip))
      const IPAddresses = Object.fromEntries(
        inCidr.map((a) => {
          if (a.pod) assigned++
          const [namespace, name] = (a.pod ?? '/').split('/')
          return [a.address, {
            Address: a.address,
            IPAMKey: {networkName: a.pod ? 'aws-cni' : '', containerID: '', ifName: ''},
            IPAMMetadata: a.pod ? {k8sPodNamespace: namespace, k8sPodName: name} : {},
            AssignedTime: '2026-11-25T10:00:04.123Z',
            UnassignedTime: a.unassignedSecondsAgo === undefined ? ZERO_TIME : new Date(nowMs - a.unassignedSecondsAgo * 1000).toISOString(),
          }]
        }),
      )
      cidrs[cidr] = {Cidr: {IP: ip, Mask: prefix ? '////8A==' : '/////w=='}, IPAddresses, IsPrefix: prefix, AddressFamily: ''}
    }

    ENIs[eni.id] = {
      ID: eni.id, IsPrimary: eni.primary, IsTrunk: false, IsEFA: false, DeviceNumber: index, AvailableIPv4Cidrs: cidrs, IPv6Cidrs: {},
      IsExcludedForPodIPs: false, RouteTableID: eni.primary ? 254 : index + 1, SubnetID: eni.subnetId,
    }
  }

  return JSON.stringify({0: {TotalIPs: total, AssignedIPs: assigned, ENIs}})
}

function sameSlash28(a: string, base: string): boolean {
  const n = (s: string) => s.split('.').reduce((x, o) => x * 256 + Number(o), 0)
  return Math.floor(n(a) / 16) === Math.floor(n(base) / 16)
}
