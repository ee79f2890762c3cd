import type {PlanCommand, UpgradePlan, UpgradeStep} from '../core/compat/upgrade-plan-types.js'
import type {Style} from './style.js'

const INSTALL = {managed: 'EKS managed add-on', 'self-managed': 'self-managed manifest'} as const

/** The one-line summary both views open with. */
export function describePlanScope(plan: UpgradePlan): string {
  const count = plan.steps.length
  const kubernetes = plan.kubernetesTarget
    ? `, Kubernetes ${plan.kubernetesVersion ?? '?'} → ${plan.kubernetesTarget}`
    : plan.kubernetesVersion ? `, Kubernetes ${plan.kubernetesVersion}` : ''
  return `VPC CNI ${plan.from} → ${plan.to} (${count} step${count === 1 ? '' : 's'})${kubernetes}`
}

export function describeInstall(plan: UpgradePlan): string {
  return plan.installKindAssumed
    ? `${INSTALL[plan.installKind]} (assumed: pass --install self-managed for manifest commands)`
    : INSTALL[plan.installKind]
}

function renderCommands(commands: PlanCommand[], indent: string): string[] {
  return commands.flatMap((c) => [`${indent}# ${c.purpose}`, `${indent}${c.command}`])
}

function renderStep(step: UpgradeStep, number: number, style: Style): string[] {
  const where = step.kubernetesVersion ? `  (Kubernetes ${step.kubernetesVersion})` : ''
  return [
    style.bold(`${number}. ${step.from} → ${step.to}${where}`),
    ...step.notes.map((n) => `   - ${n.kind === 'regression' || n.kind === 'iam' ? style.yellow(n.text) : n.text}`),
    ...renderCommands(step.commands, '   '),
    '',
  ]
}

/** The numbered plan for a terminal or a pipe; warnings go to stderr separately. */
export function renderUpgradePlan(plan: UpgradePlan, style: Style): string {
  const lines = [style.bold(`Upgrade plan: ${describePlanScope(plan)}`), `Install: ${describeInstall(plan)}`, '']
  if (plan.steps.length === 0) lines.push(`Nothing to do: the CNI is already at ${plan.to}.`, '')
  const upgrade = plan.clusterUpgrade
  plan.steps.forEach((step, index) => {
    if (upgrade?.afterStep === index) lines.push(...renderClusterUpgrade(plan, style))
    lines.push(...renderStep(step, index + 1, style))
  })
  if (upgrade && upgrade.afterStep >= plan.steps.length) lines.push(...renderClusterUpgrade(plan, style))
  lines.push('Rules followed:', ...plan.rules.map((r) => `  - ${r.id}: ${r.rule}\n    ${style.dim(`source: ${r.source}`)}`))
  lines.push(style.dim(`Release data of ${plan.dataGeneratedAt}. vpccni changes nothing: run each command yourself.`))
  return lines.join('\n')
}

function renderClusterUpgrade(plan: UpgradePlan, style: Style): string[] {
  const upgrade = plan.clusterUpgrade
  if (!upgrade) return []
  return [
    style.bold(`→ Control plane ${upgrade.from ?? '?'} → ${upgrade.to} here`),
    `   ${upgrade.reason}`,
    ...renderCommands(upgrade.commands, '   '),
    '',
  ]
}
