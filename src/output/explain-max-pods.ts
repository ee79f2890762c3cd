import type {MaxPodsResult} from '../core/max-pods/compute-max-pods.js'
import type {MaxPodsReport} from '../core/max-pods/max-pods-report.js'
import type {DataSource} from '../core/instance-type.js'
import type {Style} from './style.js'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function describeEnis(r: MaxPodsResult): string {
  const steps = [`${r.enis.defaultCard} on the default network card`]
  if (r.enis.afterMaxEni !== r.enis.defaultCard) steps.push(`MAX_ENI leaves ${r.enis.afterMaxEni}`)
  if (r.enis.customNetworkingReserved) steps.push('custom networking: the primary ENI carries no pods (−1)')
  if (r.enis.trunkReserved) steps.push('security groups for pods: one ENI is the trunk (−1)')
  return `${steps.join('; ')}: ${plural(r.enis.usable, 'ENI')} ${r.enis.usable === 1 ? 'carries' : 'carry'} pods`
}

function describeMode(r: MaxPodsResult, cniVersion: string): string {
  if (r.mode === 'prefix') return `prefix delegation (CNI ${cniVersion}): each slot is a /28 prefix of 16 addresses`
  return r.prefixDelegation.requested ? 'secondary IPs (prefix delegation asked for but unavailable, see warning)' : 'secondary IPs: one address per slot'
}

function describeCap(r: MaxPodsResult, noCap: boolean): string {
  const why = !r.capDerived
    ? "vCPU count not in vpccni's data, so the cap cannot be derived: the smaller one"
    : r.cap === 250 ? `${r.vcpus} vCPUs, more than 30` : `${r.vcpus} vCPUs, 30 or fewer`
  const applies = noCap ? '; not applied (--no-cap)' : r.uncappedMaxPods > r.cap ? '; it applies' : '; the IP limit is lower'
  return `${r.cap}, the EKS max-pods calculator's ceiling (${why})${applies}`
}

function explainOne(r: MaxPodsResult, report: MaxPodsReport, style: Style): string[] {
  const kind = r.bareMetal ? 'bare metal' : r.hypervisor === 'nitro' ? 'Nitro' : `hypervisor ${r.hypervisor}`
  const vcpus = r.vcpus === null ? "vCPUs unknown (not in vpccni's data)" : plural(r.vcpus, 'vCPU')
  const formula = `${plural(r.enis.usable, 'ENI')} × ${plural(r.slotsPerEni, 'slot')}${r.addressesPerSlot > 1 ? ` × ${r.addressesPerSlot}` : ''} + 2 host-network pods = ${r.uncappedMaxPods}`
  const lines = [
    style.bold(`${r.instanceType}: kubelet --max-pods ${r.maxPods}`),
    `  instance     ${kind}, ${vcpus}, ${plural(r.enis.networkCards, 'network card')}`,
    `  ENIs         ${describeEnis(r)}`,
    `  addresses    ${r.ipv4PerEni} IPv4 per ENI, one is the ENI's own primary: ${plural(r.slotsPerEni, 'slot')} per ENI`,
    `  mode         ${describeMode(r, report.inputs.cniVersion)}`,
    `  IP-limited   ${formula}`,
    `  cap          ${describeCap(r, !report.inputs.cap)}`,
    `  result       ${r.maxPods}`,
  ]
  for (const note of r.notes) lines.push(`  note         ${note}`)
  for (const warning of r.warnings) lines.push(style.yellow(`  warning      ${warning.message}`))
  return lines
}

function describeSource(s: DataSource): string {
  const where = [s.repository, s.path].filter(Boolean).join(' ')
  const version = [s.commit ? `@ ${s.commit.slice(0, 8)}` : '', s.date ? `(${s.date})` : ''].filter(Boolean).join(' ')
  return `  ${[where, version].filter(Boolean).join(' ')}${where ? ': ' : ''}${s.description}`
}

export function renderDataSources(data: MaxPodsReport['data']): string {
  const head = data.source === 'ec2'
    ? `data: live EC2 DescribeInstanceTypes${data.region ? ` in ${data.region}` : ''}; trunk support from the embedded table`
    : `data: embedded table generated ${data.generatedAt} from`
  return [head, ...data.sources.map((s) => describeSource(s))].join('\n')
}

/** The derivation with the actual numbers, one block per type, then where the numbers came from. */
export function renderMaxPodsExplain(report: MaxPodsReport, style: Style): string {
  const blocks = report.results.map((r) => explainOne(r, report, style).join('\n'))
  return [...blocks, style.dim(renderDataSources(report.data))].join('\n\n')
}
