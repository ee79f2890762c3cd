import type {SimulateResult} from '../core/ipamd/build-simulate-report.js'
import type {FigureRange} from '../core/ipamd/ipamd-order.js'
import {formatClock, renderPoolChart} from './pool-chart.js'
import type {Style} from './style.js'

function describeSettings(result: SimulateResult): string {
  const s = result.settings
  const targets = [
    s.warmIpTarget > 0 || s.minimumIpTarget > 0 ? `WARM_IP_TARGET=${s.warmIpTarget} MINIMUM_IP_TARGET=${s.minimumIpTarget}` : '',
    result.mode === 'prefix' ? `WARM_PREFIX_TARGET=${s.warmPrefixTarget}` : s.warmIpTarget || s.minimumIpTarget ? '' : `WARM_ENI_TARGET=${s.warmEniTarget}`,
  ].filter(Boolean)
  const modes = [
    result.mode === 'prefix' ? 'prefix delegation' : 'secondary IPs',
    s.customNetworking ? 'custom networking' : '',
    s.securityGroupsForPods ? 'security groups for pods' : '',
  ].filter(Boolean)
  return `${result.instanceType}, ${modes.join(', ')}, ${targets.join(' ')}, max pods ${s.maxPods}`
}

function describePool(result: SimulateResult, lead: string): string {
  const p = result.steadyState
  const prefixes = result.mode === 'prefix' ? ` in ${p.prefixes} prefix${p.prefixes === 1 ? '' : 'es'}` : ''
  return (
    `${lead} ${p.enis} ENI${p.enis === 1 ? '' : 's'}, ${p.totalIps} IPs held${prefixes} (${p.addressesPerEni.join(', ')}), ` +
    `${p.assignedIps} assigned, ${p.idleIps} idle`
  )
}

const span = (range: FigureRange): string => (range.min === range.max ? String(range.min) : `${range.min}–${range.max}`)

/** The range ipamd's random placement gives, where it differs from packing. */
function describeIpamdOrder(result: SimulateResult): string[] {
  const order = result.ipamdOrder
  if (!order) return []
  const lead = result.trace ? `before the trace (${result.steps.at(-1)!.pods} pods), ipamd's` : "ipamd's"
  return [
    `${lead} random order holds ${span(order.prefixes)} prefixes, ${span(order.totalIps)} IPs over ${order.runs} seeded runs ` +
      `(typically ${order.prefixes.median}, ${order.totalIps.median} IPs); packed pods are the lower bound`,
  ]
}

function renderTrace(trace: NonNullable<SimulateResult['trace']>): string[] {
  const calls = Object.entries(trace.ec2Calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
  const w = trace.pods
  return [
    `trace ${trace.name}: ${w.started} pod starts over ${formatClock(trace.durationSeconds)}`,
    `  EC2 calls        ${trace.ec2CallsTotal}${calls.length > 0 ? ` (${calls.join(', ')})` : ''}`,
    `  ENIs             ${trace.eniAttachments} attached, ${trace.eniFrees} freed, at most ${trace.peakEnis}`,
    `  pods that waited ${w.waited}${w.waited > 0 ? ` (longest ${w.waitSecondsMax.toFixed(0)} s, ${w.waitSecondsTotal.toFixed(0)} s in all)` : ''}` +
      (w.neverPlaced > 0 ? `, ${w.neverPlaced} never got an address` : ''),
    `  addresses        ${trace.addresses.averageHeld.toFixed(1)} held and ${trace.addresses.averageIdle.toFixed(1)} idle on average, at most ${trace.addresses.peakHeld} held`,
  ]
}

/** The plain report: the settings, the pool at the end, the trace counts, and the chart with --timeline. */
export function renderSimulate(result: SimulateResult, timeline: boolean, style: Style): string {
  const lines = [describeSettings(result)]
  if (result.trace) {
    lines.push(...renderTrace(result.trace), describePool(result, 'end:'))
  } else {
    lines.push(describePool(result, `${result.steps.at(-1)!.pods} pods →`))
  }

  lines.push(...describeIpamdOrder(result))

  if (timeline) {
    const rows = result.trace
      ? result.trace.timeline.map((s) => ({assigned: s.assigned, held: s.held, label: formatClock(s.seconds)}))
      : result.steps.map((s) => ({assigned: s.assignedIps, held: s.totalIps, label: String(s.pods)}))
    lines.push('', renderPoolChart(rows, result.trace ? 'time' : 'pods', style))
  }

  return lines.join('\n')
}
