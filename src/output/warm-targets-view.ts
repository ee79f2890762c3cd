import type {FailedConstraint} from '../core/warm-targets/rank-evaluations.js'
import type {WarmTargetsResult, WarmTargetsRow} from '../core/warm-targets/recommend-warm-targets.js'
import type {Style} from './style.js'
import {wrapProse} from './fit-columns.js'
import {renderTable} from './table.js'

const describeEnv = (env: Record<string, string>): string =>
  Object.entries(env)
    .filter(([name]) => name !== 'ENABLE_PREFIX_DELEGATION')
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')

const round = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1))

const FAILED_LABEL: Record<FailedConstraint, string> = {
  'ec2-cluster-budget': 'EC2 over 1,800/h cluster',
  'ec2-node-budget': 'EC2 over 60/h per node',
  'pods-wait': 'pods wait',
  'pods-without-address': 'pods get no address',
}

/** A row's label: default or recommended, else the constraints it fails. */
function rowLabel(row: WarmTargetsRow, recommended: boolean): string {
  const tags = [row.isCurrent ? 'current' : '', row.isDefault ? 'default' : '', recommended ? 'recommended' : '', ...row.fails.map((f) => FAILED_LABEL[f])].filter(Boolean)
  return tags.length > 0 ? ` (${tags.join(', ')})` : ''
}

function tableRow(row: WarmTargetsRow, label: string): string[] {
  const m = row.metrics
  const waited = m.podsWithoutAddress > 0 ? `${m.podsWaited}+${m.podsWithoutAddress} failed` : m.podsWaited > 0 ? `${m.podsWaited} (${Math.ceil(m.longestWaitSeconds)} s)` : '0'
  return [
    `${describeEnv(row.env)}${label}`,
    round(m.idleIpsPerNode),
    round(m.idleIpsCluster),
    round(m.ec2CallsPerHourPerNode),
    round(m.ec2CallsPerHourCluster),
    waited,
    m.nodesUntilSubnetFull === null ? '-' : String(m.nodesUntilSubnetFull),
  ]
}

function renderApply(result: WarmTargetsResult): string[] {
  const apply = result.recommendation.apply
  const indent = (text: string, by: string) => text.split('\n').map((line) => `${by}${line}`)
  return [
    'Apply it, one of:',
    '  aws-node DaemonSet, container aws-node:',
    ...indent(apply.envBlock, '    '),
    '  kubectl:',
    `    ${apply.kubectl}`,
    '  EKS managed add-on (configurationValues):',
    `    ${apply.updateAddon}`,
  ]
}

/**
 * What a narrow terminal leaves out first: the subnet column when no subnet was given, then the cluster totals
 * (the per-node figures times the node count); the setting, per-node figures and waits always stay.
 */
function dropOrder(rows: string[][]): Array<number | undefined> {
  const noSubnet = rows.every((row) => row[6] === '-')
  return [undefined, undefined, 1, undefined, 2, undefined, noSubnet ? 3 : undefined]
}

/** The recommendation, the trade-off table (fitted to `width`), the pitfalls and the ways to apply it. */
export function renderWarmTargets(result: WarmTargetsResult, style: Style, width?: number): string {
  const i = result.inputs
  const rec = result.recommendation
  const rows = [tableRow(rec, rowLabel(rec, true)), ...result.alternatives.map((alt) => tableRow(alt, rowLabel(alt, false)))]
  const lines = [
    `${i.instanceType}, ${i.mode === 'prefix' ? 'prefix delegation' : 'secondary IPs'}, max pods ${i.maxPods}, ${i.nodes} node${i.nodes === 1 ? '' : 's'}`,
    `workload: ${result.workload.description}; ${result.candidatesTried} settings simulated`,
    '',
    ...(result.problem ? [style.red(`Problem: ${result.problem}`), ''] : []),
    `${style.bold('Recommended:')} ${style.green(describeEnv(rec.env))}`,
    ...wrapProse(rec.reason, '  ', width),
    '',
    renderTable(
      ['SETTING', 'IDLE IPS/NODE', 'IDLE IPS/CLUSTER', 'EC2 CALLS/H/NODE', 'EC2 CALLS/H', 'PODS WAITED', 'NODES UNTIL SUBNET FULL'],
      rows,
      style,
      {align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'], dropOrder: dropOrder(rows), width},
    ),
  ]
  if (result.pitfalls.length > 0) lines.push('', 'Pitfalls:', ...result.pitfalls.flatMap((p) => wrapProse(p.message, `  ${style.yellow('!')} `, width)))
  lines.push('', ...renderApply(result))
  return lines.join('\n')
}
