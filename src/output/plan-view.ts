import type {AlternativeRow} from '../core/plan/plan-alternatives.js'
import type {PlanResult} from '../core/plan/build-plan.js'
import type {SizedDemand, SubnetFigures} from '../core/plan/plan-figures.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'

const WIDTH = 80
const NAME_WIDTH = 16
const ZONE_WIDTH = 12
/** "this plan = prefix delegation" whole. */
const LABEL_WIDTH = 29
/** From here on, counts show in thousands, millions … so that nine columns stay within 80; --json has every figure exact. */
const COMPACT_FROM = 100_000
const UNITS = ['k', 'M', 'G', 'T', 'P', 'E']

/** At most three figures and a unit (255k, 4.5G): a column stays 5 wide however large the cluster. */
function count(n: number): string {
  if (Math.abs(n) < COMPACT_FROM) return String(n)
  let value = n / 1000
  let unit = 0
  while (Math.abs(value) >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }

  return `${Math.abs(value) < 9.95 ? value.toFixed(1) : Math.round(value)}${UNITS[unit]}`
}

/**
 * Long names are cut in the middle so that the tables stay within 80 columns and names that share a start (a zone, a
 * `public-` prefix) stay apart; --json has them whole.
 */
function cut(text: string, width = NAME_WIDTH): string {
  if (text.length <= width) return text
  const head = Math.ceil((width - 1) / 2)
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`
}

/** Prose lines wrapped at 80 columns, continued with an indent. */
function wrap(text: string, indent = '  '): string[] {
  const lines: string[] = []
  const lead = /^ */.exec(text)![0]
  let line = lead
  for (const word of text.slice(lead.length).split(' ')) {
    if (line.length > lead.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = `${indent}${word}`
    } else line = line.length > lead.length ? `${line} ${word}` : `${line}${word}`
  }

  return [...lines, line]
}

const describeEnv = (env: Record<string, string>): string =>
  Object.keys(env).length === 0 ? 'the manifest defaults' : Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')

const yesNo = (fits: boolean | null): string => (fits === null ? '-' : fits ? 'yes' : 'NO')

function demandRow(name: string, d: SizedDemand, rest: null | number, fits: boolean | null): string[] {
  const figures = [d.nodes, d.nodePrimary, d.eniPrimaries, d.podAddresses, d.warmAddresses, d.churnAddresses, d.total]
  return [cut(name), ...figures.map(count), rest === null ? '-' : count(rest), yesNo(fits)]
}

function demandTable(result: PlanResult, at: 'desired' | 'max', style: Style): string {
  const rows = result.subnets.map((s) =>
    demandRow(s.name, s[at], at === 'max' ? s.restAtMax : s.restAtDesired, at === 'max' ? s.fitsAtMax : s.restAtDesired === null ? null : s.restAtDesired >= 0))
  const t = result.total
  const rest = t.usable === null ? null : t.usable - t[at].total
  rows.push(demandRow('total', t[at], rest, rest === null ? null : result.subnets.every((s) => (at === 'max' ? s.fitsAtMax : (s.restAtDesired ?? 0) >= 0))))
  const head = ['SUBNET', 'NODES', 'NODE', 'ENI', 'PODS', 'WARM', 'CHURN', 'HELD', 'REST', 'FITS']
  return renderTable(head, rows, style, {align: ['left', ...head.slice(1).map(() => 'right' as const)]})
}

function subnetTable(subnets: SubnetFigures[], headroom: number, style: Style): string {
  const rows = subnets.map((s) => [
    cut(s.name), cut(s.zone, ZONE_WIDTH), s.kind, s.cidr ?? '-', s.usable === null ? '-' : String(s.usable),
    s.smallestPrefixLength === null ? '> /16' : `/${s.smallestPrefixLength}`,
  ])
  return renderTable(['SUBNET', 'ZONE', 'KIND', 'CIDR', 'USABLE', `FITS +${headroom}%`], rows, style, {align: ['left', 'left', 'left', 'left', 'right', 'right']})
}

function prefixLines(subnets: SubnetFigures[]): string[] {
  return subnets.flatMap((s) => {
    if (!s.prefixBlocks) return []
    const left = s.prefixBlocks.leftAtMax === null ? '' : `; at best ${s.prefixBlocks.leftAtMax} aligned /28 blocks free of its /32s`
    return wrap(`  ${cut(s.name)}: ${s.prefixBlocks.neededAtMax} /28 prefixes at max size${left}`, '    ')
  })
}

function alternativeRow(row: AlternativeRow, picked: boolean): string[] {
  const pods = row.maxPods.min === row.maxPods.max ? String(row.maxPods.min) : `${row.maxPods.min}-${row.maxPods.max}`
  return [
    `${picked ? '>' : ' '}${row.label.length <= LABEL_WIDTH ? row.label : `${row.label.slice(0, LABEL_WIDTH - 1)}…`}`, count(row.addressesNodeSubnets), count(row.addressesPodSubnets),
    count(Math.round(row.ec2CallsPerHour)), count(row.podsWaited), pods, yesNo(row.fitsAtMax),
  ]
}

function alternativesBlock(result: PlanResult, style: Style): string[] {
  const rows = result.alternatives.map((row) => alternativeRow(row, row.option === result.pick.option))
  const head = [' OPTION (AT MAX SIZE)', 'NODE IPS', 'POD IPS', 'EC2/H', 'WAITED', 'MAX PODS', 'FITS']
  return [
    renderTable(head, rows, style, {align: ['left', 'right', 'right', 'right', 'right', 'right', 'left']}),
    ...wrap('NODE IPS: addresses in the node subnets; POD IPS: in ENIConfig subnets (custom networking: a 100.64.0.0/10 secondary CIDR); EC2/H and WAITED: two hours of a rollout of a quarter of the pods and the churn', ''),
    '',
    ...wrap(`${style.bold('Pick:')} ${result.pick.label}: ${result.pick.reason}.`),
    '',
    'Settings:',
    ...result.alternatives.flatMap((row) => wrap(`  ${row.label}: ${describeEnv(row.env)}${row.sameAs.length > 1 ? ` (also ${row.sameAs.slice(1).join(', ')})` : ''}`, '    ')),
    ...result.alternatives.filter((row) => row.problems.length > 0).flatMap((row) => wrap(`  ${row.label}: ${row.problems.join('; ')}`, '    ')),
  ]
}

function groupTable(result: PlanResult, style: Style): string {
  const rows = result.groups.map((g) => [
    cut(g.name), g.instanceType, g.desired === g.max ? count(g.max) : `${count(g.desired)}-${count(g.max)}`,
    `${g.podsPerNode}${g.podsAssumed ? '*' : ''}`, String(g.maxPods), String(g.perNode.nodeSubnet.total + (g.perNode.podSubnet?.total ?? 0)),
  ])
  return renderTable(['NODE GROUP', 'TYPE', 'NODES', 'PODS/NODE', 'MAX PODS', 'IPS/NODE'], rows, style, {align: ['left', 'left', 'right', 'right', 'right', 'right']})
}

/** Groups whose pool depends on ipamd's random placement (prefix delegation, WARM_PREFIX_TARGET ≥ 2): sized at the most. */
function placementLines(result: PlanResult): string[] {
  return result.groups.flatMap((g) => {
    const p = g.perNode.placement
    if (!p) return []
    return wrap(`${cut(g.name)}: pool sized at the most of ${p.runs} runs of ipamd's random pod order, ${p.totalIps.max} pod addresses per node ` +
      `(median ${p.totalIps.median}; packed pods ${p.packedIps}): with WARM_PREFIX_TARGET ≥ 2 where pods land changes the prefixes held`)
  })
}

function largestCount(result: PlanResult): number {
  const figures = [
    ...result.subnets.flatMap((s) => [s.max.total, s.restAtMax ?? 0, s.restAtDesired ?? 0]),
    ...result.alternatives.flatMap((a) => [a.addressesNodeSubnets, a.addressesPodSubnets, a.ec2CallsPerHour, a.podsWaited]),
    ...result.groups.map((g) => g.max), result.total.max.total, (result.total.usable ?? 0) - result.total.desired.total, (result.total.usable ?? 0) - result.total.max.total,
  ]
  return Math.max(...figures.map(Math.abs))
}

const nodes = (n: number): string => `${n} node${n === 1 ? '' : 's'}`

/** Whether the subnets hold the plan; pods without an address are a problem the subnets cannot fix; unsized pod subnets are said. */
function verdict(result: PlanResult, style: Style): string {
  if (result.problems.length > 0) return style.red('pods find no address at these settings')
  if (result.fitsAtMax === null) return 'subnet sizes unknown'
  if (!result.fitsAtMax) return style.red('the subnets cannot hold it at max size')
  const unsized = result.subnets.some((s) => s.kind === 'pod' && s.size === null)
  return style.green(unsized ? 'the node subnets hold it at max size (pod subnets not sized)' : 'the subnets hold it at max size')
}

/** The plan: node groups, the subnets' sizes, the demand at desired and max size, and the alternatives with the pick. */
export function renderPlan(result: PlanResult, style: Style): string {
  const t = result.total
  const lines = [
    ...wrap(`Plan from ${result.inputs.origin}: ${nodes(t.desired.nodes)} (max ${t.max.nodes}) ${t.desired.nodes === 1 ? 'holds' : 'hold'} ${t.desired.total} addresses (max ${t.max.total}); ${verdict(result, style)}`),
    ...result.problems.flatMap((p) => wrap(`${style.red('Problem:')} ${p}`)),
    '',
    groupTable(result, style),
  ]
  if (result.groups.some((g) => g.podsAssumed)) lines.push('* full nodes assumed: max pods less the 2 host-network pods')
  lines.push(...placementLines(result))
  lines.push('', subnetTable(result.subnets, result.inputs.headroomPercent, style), `USABLE: the CIDR less the ${result.subnets[0]?.reserved ?? 5} addresses AWS reserves`)
  const same = result.subnets.every((s) => s.desired.total === s.max.total && s.desired.nodes === s.max.nodes)
  lines.push('', style.bold(same ? 'At desired = max size:' : 'At desired size:'), demandTable(result, same ? 'max' : 'desired', style))
  if (!same) lines.push('', style.bold('At max size:'), demandTable(result, 'max', style))
  if (t.max.branchAddresses > 0) lines.push(...wrap(`HELD counts ${t.max.branchAddresses} branch-ENI addresses at max size (security groups for pods: one per branch-ENI pod)`))
  const live = result.subnets.filter((s) => s.freeNow !== null)
  if (live.length > 0) lines.push('', 'Free now (EC2 AvailableIpAddressCount), against growing from desired to max size:', ...live.flatMap((s) => {
    const more = s.max.total - s.desired.total
    return wrap(`  ${cut(s.name)}: ${s.freeNow} free, ${more} more needed: ${s.growthFitsNow ? 'fits' : 'does NOT fit'}`, '    ')
  }))
  const prefixes = prefixLines(result.subnets)
  if (prefixes.length > 0) lines.push('', 'Prefix delegation:', ...prefixes)
  lines.push('', ...alternativesBlock(result, style))
  if (largestCount(result) >= COMPACT_FROM) lines.push('', 'k, M, G: thousands, millions, billions (--json has every figure exact)')
  return lines.join('\n')
}
