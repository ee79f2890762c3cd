import {UserError} from '../../errors.js'
import {isRecord} from '../is-record.js'
import {formatIpv4, parseIpv4Cidr} from './cidr.js'
import {numberedZones, type PlanDraft} from './plan-draft.js'

type EksctlSubnet = {cidr: string; id: null | string; name: string; zone: string}

type Obj = Record<string, unknown>
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [])
/** eksctl's defaults: an m5.large node group of 2 (pkg/apis/eksctl.io/v1alpha5/defaults.go). */
const DEFAULT_INSTANCE_TYPE = 'm5.large'
const DEFAULT_CAPACITY = 2
/** eksctl's own VPC: 192.168.0.0/16 cut into eight equal subnets, three public and three private (one per zone) and two spare. */
const DEFAULT_VPC_CIDR = '192.168.0.0/16'
const EKSCTL_SUBNET_BITS = 3
/** eksctl picks three zones of the region when none are given. */
const DEFAULT_ZONE_LETTERS = ['a', 'b', 'c']

function count(v: unknown, what: string, group: string): null | number {
  if (v === undefined || v === null) return null
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new UserError(`node group ${group}: ${what} must be a whole number, got ${JSON.stringify(v)}`)
  return v
}

/** The vpc-cni add-on's configurationValues: a JSON or YAML string (or already an object), of which `env` matters here. */
function addonEnv(config: Obj, parseYaml: (text: string) => unknown): Record<string, string> {
  const addon = (Array.isArray(config.addons) ? config.addons : []).find((a) => isRecord(a) && a.name === 'vpc-cni') as Obj | undefined
  const raw = addon?.configurationValues
  if (raw === undefined || raw === null || raw === '') return {}
  let values: unknown = raw
  if (typeof raw === 'string') {
    try {
      values = parseYaml(raw)
    } catch {
      throw new UserError('the vpc-cni add-on\'s configurationValues is neither JSON nor YAML')
    }
  }

  const env = isRecord(values) ? values.env : undefined
  if (env === undefined) return {}
  if (!isRecord(env)) throw new UserError('the vpc-cni add-on\'s configurationValues.env is not a map of variables')
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]))
}

type KindedSubnet = EksctlSubnet & {kind: 'private' | 'public'}

function subnetsOf(config: Obj, zones: string[]): {assumed: boolean; list: KindedSubnet[]} {
  const vpc = isRecord(config.vpc) ? config.vpc : {}
  const given = isRecord(vpc.subnets) ? vpc.subnets : undefined
  if (!given) {
    const vpcCidr = parseIpv4Cidr(typeof vpc.cidr === 'string' ? vpc.cidr : DEFAULT_VPC_CIDR, 'vpc.cidr')
    const length = vpcCidr.prefixLength + EKSCTL_SUBNET_BITS
    const at = (i: number) => `${formatIpv4(vpcCidr.base + i * 2 ** (32 - length))}/${length}`
    const list = zones.flatMap((zone, i) => [
      {cidr: at(i), id: null, kind: 'public' as const, name: `public-${zone}`, zone},
      {cidr: at(zones.length + i), id: null, kind: 'private' as const, name: `private-${zone}`, zone},
    ])
    return {assumed: true, list}
  }

  const list = (['private', 'public'] as const).flatMap((kind) =>
    Object.entries(isRecord(given[kind]) ? (given[kind] as Obj) : {}).map(([name, spec]) => {
      const s = isRecord(spec) ? spec : {}
      if (typeof s.cidr !== 'string') throw new UserError(`vpc.subnets.${kind}.${name} has no cidr: the plan needs each subnet's size`, {hint: 'add cidr: to the subnet, or pass --subnet ZONE=CIDR'})
      return {cidr: s.cidr, id: typeof s.id === 'string' ? s.id : null, kind, name, zone: typeof s.az === 'string' ? s.az : name}
    }),
  )
  return {assumed: false, list}
}

/**
 * The plan's inputs from an eksctl ClusterConfig: managedNodeGroups and nodeGroups (instanceType(s), desiredCapacity,
 * maxSize, maxPodsPerNode, availabilityZones or subnets, privateNetworking), the vpc-cni add-on's configurationValues,
 * and vpc.subnets with their CIDRs. Anything else in the file is not read.
 */
export function readEksctlClusterConfig(doc: unknown, parseYaml: (text: string) => unknown, file: string): PlanDraft {
  if (!isRecord(doc) || doc.kind !== 'ClusterConfig' || typeof doc.apiVersion !== 'string' || !doc.apiVersion.startsWith('eksctl.io/')) {
    throw new UserError('-f expects an eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5, kind: ClusterConfig)')
  }

  const metadata = isRecord(doc.metadata) ? doc.metadata : {}
  const region = typeof metadata.region === 'string' ? metadata.region : null
  const zones = strings(doc.availabilityZones).length > 0
    ? strings(doc.availabilityZones)
    : region ? DEFAULT_ZONE_LETTERS.map((letter) => `${region}${letter}`) : numberedZones(DEFAULT_ZONE_LETTERS.length)
  const {assumed, list} = subnetsOf(doc, zones)
  const specs = [...(Array.isArray(doc.managedNodeGroups) ? doc.managedNodeGroups : []), ...(Array.isArray(doc.nodeGroups) ? doc.nodeGroups : [])]
  if (specs.length === 0) throw new UserError('the ClusterConfig has no managedNodeGroups or nodeGroups to plan for')
  const groups = specs.map((spec, i) => {
    const g = isRecord(spec) ? spec : {}
    const name = typeof g.name === 'string' ? g.name : `nodegroup-${i + 1}`
    const distribution = isRecord(g.instancesDistribution) ? strings(g.instancesDistribution.instanceTypes) : []
    const types = [...(typeof g.instanceType === 'string' && g.instanceType !== 'mixed' ? [g.instanceType] : []), ...strings(g.instanceTypes), ...distribution]
    const desiredCapacity = count(g.desiredCapacity, 'desiredCapacity', name)
    const minSize = count(g.minSize, 'minSize', name)
    const maxSize = count(g.maxSize, 'maxSize', name)
    // eksctl refuses a maxSize below the desired or minimum size, as --node-group refuses MAX below COUNT.
    for (const [what, size] of [['desiredCapacity', desiredCapacity], ['minSize', minSize]] as const) {
      if (maxSize !== null && size !== null && maxSize < size) throw new UserError(`node group ${name}: maxSize ${maxSize} is below ${what} ${size}`)
    }

    const desired = desiredCapacity ?? minSize ?? Math.min(DEFAULT_CAPACITY, maxSize ?? DEFAULT_CAPACITY)
    const max = maxSize ?? desired
    const kind = g.privateNetworking === true ? 'private' : 'public'
    const ofKind = list.some((s) => s.kind === kind) ? list.filter((s) => s.kind === kind) : list
    const named = strings(g.subnets)
    const groupZones = strings(g.availabilityZones)
    const unknown = named.find((n) => !list.some((s) => s.name === n || s.id === n))
    if (unknown) throw new UserError(`node group ${name}: subnet "${unknown}" is not in vpc.subnets`)
    const chosen = named.length > 0
      ? list.filter((s) => named.includes(s.name) || (s.id !== null && named.includes(s.id)))
      : ofKind.filter((s) => groupZones.length === 0 || groupZones.includes(s.zone))
    const missing = groupZones.find((z) => !ofKind.some((s) => s.zone === z))
    if (missing) throw new UserError(`node group ${name}: zone ${missing} has no ${kind} subnet in vpc.subnets`)
    const instanceTypes = types.length > 0 ? types : [DEFAULT_INSTANCE_TYPE]
    return {
      desired, instanceTypes, max, maxPods: count(g.maxPodsPerNode, 'maxPodsPerNode', name), name, podsPerNode: null,
      subnets: chosen.map((s) => s.name), zonesPinned: named.length > 0 || groupZones.length > 0,
    }
  })

  const used = new Set(groups.flatMap((g) => g.subnets))
  const cluster = typeof metadata.name === 'string' ? ` (cluster ${metadata.name})` : ''
  return {
    env: addonEnv(doc, parseYaml),
    groups,
    nodeSubnets: list.filter((s) => used.has(s.name)).map(({kind: _kind, ...s}) => s),
    podSubnets: [],
    source: `${file}${cluster}`,
    warnings: assumed ? ['no vpc.subnets in the ClusterConfig: planned on the subnets eksctl would create (the VPC CIDR in eight, one public and one private per zone)'] : [],
  }
}
