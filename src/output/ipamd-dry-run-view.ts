import type {DryRunProjection, DryRunResult} from '../core/dry-run/dry-run-report.js'
import type {FleetResult} from '../core/dry-run/fleet-rows.js'
import type {PoolSnapshot} from '../core/ipamd/pool-snapshot.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'
import {renderSection, wrapLine} from './wrap-lines.js'

const age = (seconds: null | number): string =>
  seconds === null ? '?' : seconds < 120 ? `${seconds}s` : seconds < 7200 ? `${Math.floor(seconds / 60)}m` : seconds < 172_800 ? `${Math.floor(seconds / 3600)}h` : `${Math.floor(seconds / 86_400)}d`

function describePool(pool: PoolSnapshot, mode: DryRunResult['mode']): string {
  const prefixes = mode === 'prefix' ? ` in ${pool.prefixes} prefix${pool.prefixes === 1 ? '' : 'es'}` : ''
  return `${pool.enis} ENI${pool.enis === 1 ? '' : 's'}, ${pool.totalIps} IPs held${prefixes}, ${pool.assignedIps} assigned, ${pool.idleIps} idle`
}

function describeSettings(result: DryRunResult): string {
  const s = result.settings
  const targets =
    s.warmIpTarget > 0 || s.minimumIpTarget > 0
      ? `WARM_IP_TARGET=${s.warmIpTarget} MINIMUM_IP_TARGET=${s.minimumIpTarget}`
      : result.mode === 'prefix'
        ? `WARM_PREFIX_TARGET=${s.warmPrefixTarget}`
        : `WARM_ENI_TARGET=${s.warmEniTarget}`
  const modes = [result.mode === 'prefix' ? 'prefix delegation' : 'secondary IPs', s.customNetworking ? 'custom networking' : '', s.securityGroupsForPods ? 'security groups for pods' : '']
  const from = s.source === 'pod' ? `${s.pod}` : s.pod ? `the aws-node DaemonSet (${s.pod}'s env is not known)` : 'the aws-node DaemonSet (no aws-node pod on the node)'
  return `settings of ${from}: ${modes.filter(Boolean).join(', ')}, ${targets}`
}

function describeActions(projection: DryRunProjection): string[] {
  const idle = projection.blocked.length > 0 ? 'none: ipamd cannot do what its targets ask' : 'none: the pool is where its targets want it'
  if (projection.actions.length === 0) return [idle]
  const texts = projection.actions.map((a) => a.text)
  const cycle = projection.cycle
  if (!cycle) return texts
  const n = cycle.actions
  return [
    ...texts.slice(0, texts.length - n),
    `repeating every ${cycle.periodSeconds} s from ${cycle.fromSeconds} s, for ever:`,
    ...texts.slice(texts.length - n).map((text) => `  ${text}`),
  ]
}

function describeRange(projection: DryRunProjection): string[] {
  const range = projection.placementRange
  if (!range || (range.enis.min === range.enis.max && range.totalIps.min === range.totalIps.max)) return []
  const span = (r: {max: number; min: number}): string => (r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`)
  return wrapLine(`with ipamd's random placement (${range.runs} seeded runs): ${span(range.enis)} ENIs, ${span(range.totalIps)} IPs held`)
}

/** `forWhat` names the settings of a projection beside the node's own, so its limits are not taken for the node's. */
function renderProjection(title: string, projection: DryRunProjection, mode: DryRunResult['mode'], forWhat = ''): string[] {
  const end = projection.settled ? `then: ${describePool(projection.projectedState, mode)}` : 'never settles: a flapping configuration'
  const reached = projection.limits.filter((l) => l.reached).map((l) => l.detail)
  return [
    ...renderSection(title, [...describeActions(projection), ...projection.blocked.map((b) => `blocked: ${b}`)]),
    ...wrapLine(end),
    ...describeRange(projection),
    ...(projection.podsWithoutAddress > 0 ? wrapLine(`${projection.podsWithoutAddress} pending pod(s) will get no address`) : []),
    ...renderSection(`Limits reached${forWhat}`, reached),
  ]
}

function renderProposed(proposed: NonNullable<DryRunResult['proposed']>, mode: DryRunResult['mode']): string[] {
  const set = Object.entries(proposed.set).map(([k, v]) => `${k}=${v}`).join(' ')
  return renderProjection(`With ${set}`, proposed, mode, ` with ${set}`)
}

/** One node: its ENIs, ipamd's next actions, where the pool ends, and what was assumed. */
export function renderDryRun(result: DryRunResult, style: Style): string {
  const i = result.instance
  const rows = result.current.interfaces.map((eni) => [
    eni.id, eni.deviceIndex, eni.excluded ? 'excluded' : eni.role === 'pool' ? (eni.deviceIndex === 0 && eni.networkCardIndex === 0 ? 'primary' : 'secondary') : eni.role,
    eni.ips, eni.prefixes, eni.assigned, eni.cooling, age(eni.ageSeconds),
  ])
  const notes = result.current.interfaces.filter((eni) => eni.why).map((eni) => `${eni.id}: ${eni.why}`)
  const lines = [
    ...wrapLine(`node ${result.node}`),
    ...wrapLine(`instance ${i.id}, ${i.type}, ${i.zone ?? 'zone unknown'}, max pods ${i.maxPods} (${i.maxPodsFrom})`),
    ...wrapLine(describeSettings(result)),
    '',
    renderTable(['ENI', 'DEV', 'ROLE', 'IPS', 'PFX', 'USED', 'COOL', 'AGE'], rows, style, {align: ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right']}),
    ...notes.flatMap((note) => wrapLine(`  ${note}`)),
    '',
    ...wrapLine(`now: ${describePool(result.current, result.mode)}; ${result.current.pendingPods.length} pod(s) waiting for an address`),
    ...renderProjection('Next actions', result, result.mode),
    ...(result.proposed ? renderProposed(result.proposed, result.mode) : []),
    ...renderSection('Permissions (the caller\'s; ipamd uses the node\'s role)', (result.permissions ?? []).map((p) =>
      `${p.action}${p.needed ? ' (needed)' : ''}: ${p.allowed === null ? p.detail : p.allowed ? 'allowed' : style.red(`denied: ${p.detail}`)}`)),
    ...renderSection('Looks wrong', result.anomalies.map((a) => `${a.subject}: ${a.detail}`)),
    ...renderSection('Assumed', result.assumptions),
  ]
  return lines.join('\n')
}

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text)

function shortAction(row: FleetResult['nodes'][number]): string {
  const a = row.nextAction
  if (!a) return row.heldIps === null ? 'skipped' : row.next
  const when = a.when === 'now' ? 'now' : a.when.replace('after ', '+').replace(' s', 's')
  const what = {'attach-eni': `+ENI ${a.count}${a.unit}`, assign: `+${a.count} ${a.unit}`, 'free-eni': 'free ENI', release: `-${a.count} ${a.unit}`}[a.kind]
  return `${what} ${when}`
}

/** `--all`: one row per node, within 80 columns (the full next action is in --json); with --set, a PROPOSED column. */
export function renderFleet(result: FleetResult, style: Style): string {
  const proposed = result.nodes.some((row) => row.proposedIps !== null)
  // Room for PROPOSED (8 + 2 columns) comes off the node name and the next action.
  const [nodeWidth, nextWidth] = proposed ? [22, 14] : [28, 16]
  const rows = result.nodes.map((row) => [
    cut(row.node, nodeWidth), cut(row.instanceType ?? '?', 12), row.heldIps ?? '-', row.assignedIps ?? '-', row.projectedIps ?? '-',
    ...(proposed ? [row.proposedIps ?? '-'] : []),
    cut(shortAction(row), nextWidth),
  ])
  const head = ['NODE', 'TYPE', 'HELD', 'USED', 'PROJ', ...(proposed ? ['PROPOSED'] : []), 'NEXT']
  const align: Array<'left' | 'right'> = ['left', 'left', 'right', 'right', 'right', ...(proposed ? (['right'] as const) : []), 'left']
  const table = renderTable(head, rows, style, {align})
  const summary = `${result.nodes.length} nodes, ${result.nodesShort} with pods that will get no address, ${result.skipped} skipped`
  return `${table}\n\n${summary}`
}
