import type {Hypervisor, InstanceTypeLimits} from './instance-type.js'

/*
 * The embedded table is one string, a row per type, so that start-up parses nothing
 * until a type is asked for: decoding a single row is far cheaper than JSON.parse of 1,400 objects.
 * Row: type,eniLimit,ipv4PerEni,hypervisor,bareMetal,networkCards,allCardsEniLimit,defaultCard,vcpus,trunk,branch
 */
const HYPERVISOR_CODES: Record<Hypervisor, string> = {nitro: 'n', unknown: 'u', xen: 'x'}
const HYPERVISOR_BY_CODE: Record<string, Hypervisor> = {n: 'nitro', u: 'unknown', x: 'xen'}

const encodeOptional = (value: boolean | null | number): string =>
  value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value)

export function encodeInstanceRow(t: InstanceTypeLimits): string {
  return [
    t.instanceType,
    t.eniLimit,
    t.ipv4PerEni,
    HYPERVISOR_CODES[t.hypervisor],
    t.bareMetal ? 1 : 0,
    t.networkCards,
    t.allCardsEniLimit,
    t.defaultNetworkCardIndex,
    encodeOptional(t.vcpus),
    encodeOptional(t.trunkCompatible),
    encodeOptional(t.branchInterfaces),
  ].join(',')
}

export function decodeInstanceRow(row: string): InstanceTypeLimits {
  const f = row.split(',')
  const optionalNumber = (s: string): null | number => (s === '' ? null : Number(s))
  return {
    allCardsEniLimit: Number(f[6]),
    bareMetal: f[4] === '1',
    branchInterfaces: optionalNumber(f[10]),
    defaultNetworkCardIndex: Number(f[7]),
    eniLimit: Number(f[1]),
    hypervisor: HYPERVISOR_BY_CODE[f[3]],
    instanceType: f[0],
    ipv4PerEni: Number(f[2]),
    networkCards: Number(f[5]),
    trunkCompatible: f[9] === '' ? null : f[9] === '1',
    vcpus: optionalNumber(f[8]),
  }
}

export function encodeInstanceTable(types: InstanceTypeLimits[]): string {
  return [...types]
    .sort((a, b) => (a.instanceType < b.instanceType ? -1 : 1))
    .map((t) => encodeInstanceRow(t))
    .join('\n')
}

/** Finds one row without splitting the whole table. */
export function findInstanceRow(table: string, instanceType: string): InstanceTypeLimits | undefined {
  const key = `${instanceType},`
  const at = table.startsWith(key) ? 0 : table.indexOf(`\n${key}`) + 1
  if (at === 0 && !table.startsWith(key)) return undefined
  const end = table.indexOf('\n', at)
  return decodeInstanceRow(table.slice(at, end === -1 ? undefined : end))
}

export function decodeInstanceTable(table: string): InstanceTypeLimits[] {
  return table.split('\n').map((row) => decodeInstanceRow(row))
}

export function listInstanceNames(table: string): string[] {
  return table.split('\n').map((row) => row.slice(0, row.indexOf(',')))
}
