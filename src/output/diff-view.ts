import {type Change, type DiffReport, type Effect, EFFECT_ORDER} from '../core/diff/diff-report.js'
import type {Style} from './style.js'
import {renderTable} from './table.js'

const POD_PREFIX = '.spec.template.spec'
const MAX_VALUE = 48

/** What EKS's next apply of the add-on (update-addon, or its periodic reconcile where it runs) does, per effect. */
const EFFECT_MEANING: Record<Effect, string[]> = {
  configured: ['the add-on configurationValues set these: not drift'],
  contested: [
    'EKS declares these and a user owns them. On EKS\'s next',
    'apply of the add-on, --resolve-conflicts OVERWRITE puts EKS\'s value back,',
    'NONE fails with a conflict, PRESERVE keeps yours',
  ],
  informational: ['self-managed install: nothing reconciles these'],
  preserved: ['EKS does not apply these: kept across its applies and updates'],
  restored: ['EKS\'s next apply of the add-on puts these back, whatever', '--resolve-conflicts says'],
  undetermined: [
    'EKS applied a value of its own here: kept if the add-on',
    'configurationValues set it, else undone on its next apply (a release value',
    'a user set back over it is contested if they still set EKS\'s). The input',
    'does not say which: run vpccni diff on the cluster, or read',
    'aws eks describe-addon --addon-name vpc-cni',
  ],
}

/** Without managedFields an undetermined value may be a user's edit as well: the legend says so, not "EKS applied". */
const UNDETERMINED_INFERRED = [
  'a user\'s edit (contested on EKS\'s next apply) or a value',
  'EKS applied from the configurationValues (kept): without managedFields the',
  'input cannot tell. Add --show-managed-fields to kubectl get, run vpccni diff',
  'on the cluster, or read aws eks describe-addon --addon-name vpc-cni',
]

/** Pod-spec paths without their common prefix: the table is read by people, the JSON keeps the full path. */
export function shortPath(path: string): string {
  return path.startsWith(`${POD_PREFIX}.`) ? path.slice(POD_PREFIX.length + 1) : path
}

/** Env items show their value; long images lose their registry host first, other long values their head. */
function showValue(path: string, value: unknown, absent: string): string {
  if (value === null || value === undefined) return absent
  const env = value as {value?: unknown; valueFrom?: unknown}
  let shown = typeof value === 'string' ? value : typeof env.value === 'string' ? env.value : JSON.stringify(env.valueFrom ?? value)
  if (shown.length > MAX_VALUE && path.endsWith('.image')) shown = `…${shown.slice(shown.indexOf('/'))}`
  return shown.length > MAX_VALUE ? `…${shown.slice(-(MAX_VALUE - 1))}` : shown
}

function showOwner(change: Change): string {
  return change.managers.length > 0 && change.owner !== 'eks' ? `${change.owner} (${change.managers.join(', ')})` : change.owner
}

function paint(effect: Effect, text: string, style: Style): string {
  if (effect === 'contested' || effect === 'restored') return style.red(text)
  return effect === 'undetermined' ? style.yellow(text) : text
}

function renderChanges(report: DiffReport, style: Style, width?: number): string[] {
  if (report.changes.length === 0) return [`No differences from the ${report.cniVersion.baseline} DaemonSet.`]
  const rows = report.changes.map((c) => [
    paint(c.effect, c.effect, style),
    paint(c.effect, shortPath(c.path), style),
    showValue(c.path, c.current, '(absent)'),
    // A changed field with no default: EKS's value is not in the input (see the warnings).
    showValue(c.path, c.default, c.kind === 'changed' ? '(unknown)' : '(not set)'),
    showOwner(c),
  ])
  const legend = EFFECT_ORDER.filter((e) => report.summary[e] > 0).flatMap((e) => {
    const meaning = e === 'undetermined' && report.ownership.source === 'inferred' ? UNDETERMINED_INFERRED : EFFECT_MEANING[e]
    const [first, ...rest] = meaning
    return [`  ${paint(e, e, style)} (${report.summary[e]}): ${first}`, ...rest.map((line) => `    ${line}`)]
  })
  return [renderTable(['EFFECT', 'PATH', 'CURRENT', 'DEFAULT', 'OWNER'], rows, style, {width}), '', ...legend, ...renderConflicts(report, style)]
}

/** Contested paths as EKS's conflict errors print them, so an update-addon failure can be matched line by line. */
function renderConflicts(report: DiffReport, style: Style): string[] {
  const paths = report.changes.flatMap((c) => (c.conflict ? [`  ${c.conflict}`] : []))
  return paths.length > 0 ? ['', style.bold('An update-addon with --resolve-conflicts NONE fails on'), ...paths] : []
}

function renderLint(report: DiffReport, style: Style): string[] {
  if (report.lint.length === 0) return []
  const mark = {error: style.red('error  '), info: 'info   ', warning: style.yellow('warning')}
  return ['', style.bold('Settings'), ...report.lint.map((f) => `  ${mark[f.severity]}  ${f.message}`)]
}

/** update-addon replaces the whole configuration: what the command may leave out, or carries on a guess. */
function remedyCaveats(remedy: NonNullable<DiffReport['remedy']>): string[] {
  const lines: string[] = []
  if (remedy.currentConfiguration === 'unknown') {
    lines.push(
      '  update-addon replaces the whole configuration, and the input has none:',
      '  merge the current configurationValues in first (aws eks describe-addon',
      '  --addon-name vpc-cni --query addon.configurationValues), or run on the cluster.',
    )
  }

  if (remedy.undeterminedCarried.length > 0) {
    lines.push(
      `  It carries the ${remedy.undeterminedCarried.length} undetermined value(s) above as they run now, so that it`,
      '  keeps what EKS applied from configurationValues; drop any you do not want.',
    )
  }

  return lines
}

function renderRemedy(report: DiffReport, style: Style): string[] {
  const remedy = report.remedy
  if (!remedy) return []
  const lines: string[] = []
  if (remedy.command) lines.push('', style.bold('Keep them with the add-on configuration'), `  ${remedy.command}`, ...remedyCaveats(remedy))
  if (remedy.notSettable.length > 0) {
    lines.push('', style.bold('Not settable through configurationValues'), ...remedy.notSettable.map((n) => `  ${shortPath(n.path)}: ${n.reason}`))
  }

  const basis = remedy.schemaSource === 'cluster' ? 'EKS DescribeAddonConfiguration' : 'embedded snapshot; newer versions may accept more keys'
  lines.push('', style.dim(`Keys checked against the configuration schema of vpc-cni ${remedy.schemaVersion} (${basis})`))

  return lines
}

/** The diff as people read it: one header line, the changes grouped by effect (fitted to `width`), the lint, then the remedy. */
export function renderDiff(report: DiffReport, style: Style, width?: number): string {
  const {addon, cniVersion, daemonSet, ownership} = report
  const header = [
    `${daemonSet.namespace}/${daemonSet.name}: VPC CNI ${cniVersion.running} (${cniVersion.source}), compared with the ${cniVersion.baseline} DaemonSet`,
    `add-on: ${addon.status} (${addon.basis}); ownership from ${ownership.source === 'managedFields' ? 'managedFields' : `the ${cniVersion.baseline} DaemonSet (inferred)`}`,
    '',
  ]
  return [...header, ...renderChanges(report, style, width), ...renderLint(report, style), ...renderRemedy(report, style)].join('\n')
}
