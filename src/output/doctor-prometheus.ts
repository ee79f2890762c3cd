import {SEVERITIES} from '../core/doctor/check.js'
import {type ClusterKey, clusterWasRead, type DoctorRun, runKey, uniqueKeys} from '../core/doctor/doctor-run.js'
import {type FleetMember, memberKey} from '../core/doctor/fleet.js'

/** One metric family: HELP and TYPE once, then its samples. Names are stable: dashboards and alert rules use them. */
interface Family {
  help: string
  name: string
  samples: Array<{labels: Record<string, string>; value: number}>
  type: 'gauge'
}

const escape = (value: string): string => value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"')

// A label with no value is left out: Prometheus reads an empty one as absent (the unnamed cluster's, clusterLabel).
const labels = (set: Record<string, string>): string => {
  const entries = Object.entries(set).filter(([, value]) => value !== '')
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`
}

/** The labels that say which cluster: its name, and its AWS account and region when known (ClusterKey). */
const whereLabels = (key: ClusterKey): Record<string, string> => ({account_id: key.accountId, cluster: key.cluster, region: key.region})

function families(run: DoctorRun): Family[] {
  const {report} = run
  const where = whereLabels(runKey(run))
  const family = (name: string, help: string): Family => ({help, name: `vpccni_${name}`, samples: [], type: 'gauge'})
  const findings = family('doctor_findings', 'Findings of the last doctor run, by check ID and severity (0 for a check that ran and found nothing).')
  for (const check of report.checked) {
    for (const severity of SEVERITIES) {
      const count = report.findings.filter((f) => f.id === check && f.severity === severity).length
      findings.samples.push({labels: {check, ...where, severity}, value: count})
    }
  }

  // One series per selected check, so "ran" is a 0 a rule can see, not a missing series (a check selected either ran,
  // maybe in part, or is listed as not checked).
  const notChecked = family('doctor_check_not_checked', 'Per selected check: 0 ran, 0.5 ran in part (an optional read refused or failed), 1 could not run.')
  for (const id of [...new Set([...report.checked, ...report.notChecked.map((n) => n.id)])]) {
    const entry = report.notChecked.find((n) => n.id === id)
    notChecked.samples.push({labels: {check: id, ...where}, value: entry === undefined ? 0 : entry.partial ? 0.5 : 1})
  }

  const result: Family[] = [findings, notChecked]
  const ip = report.ipSummary
  if (ip) {
    const subnetFree = family('subnet_free_ips', 'Addresses the subnet has left for anyone (EC2 AvailableIpAddressCount).')
    const subnetHeld = family('subnet_held_ips', "Addresses the cluster's ENIs in the subnet hold for pods.")
    const subnetAssigned = family('subnet_assigned_ips', 'Of the held addresses in the subnet, those assigned to pods.')
    for (const s of ip.subnets) {
      const set = {...where, subnet: s.subnetId, zone: s.availabilityZone ?? ''}
      if (s.availableInSubnet !== null) subnetFree.samples.push({labels: set, value: s.availableInSubnet})
      subnetHeld.samples.push({labels: set, value: s.held})
      subnetAssigned.samples.push({labels: set, value: s.assigned})
    }

    const nodeHeld = family('node_held_ips', "Addresses the node's ENIs hold for pods (awscni_total_ip_addresses).")
    const nodeAssigned = family('node_assigned_ips', 'Addresses of the node assigned to pods (awscni_assigned_ip_addresses).')
    const nodeMax = family('node_max_ips', "Addresses the node's ENIs can hold in the cluster's mode (awscni_ip_max).")
    for (const n of ip.nodes) {
      const set = {...where, node: n.node}
      nodeHeld.samples.push({labels: set, value: n.held})
      nodeAssigned.samples.push({labels: set, value: n.assigned})
      if (n.max !== null) nodeMax.samples.push({labels: set, value: n.max})
    }

    const totals = (['held', 'assigned', 'free', 'max'] as const).map((key) => {
      const total = family(`cluster_${key}_ips`, `Cluster total of the nodes' ${key} addresses.`)
      if (ip.total[key] !== null) total.samples.push({labels: where, value: ip.total[key]!})
      return total
    })
    result.push(subnetFree, subnetHeld, subnetAssigned, nodeHeld, nodeAssigned, nodeMax, ...totals)
  }

  const runway = family('subnet_runway_nodes', "Nodes the subnet can still start: its free addresses over the most demanding node group's next node.")
  const demand = family('subnet_one_node_demand_ips', "Addresses the most demanding node group's next node takes from the subnet, warm pool included.")
  for (const r of run.runway) {
    runway.samples.push({labels: {...where, group: r.group, subnet: r.subnetId}, value: r.runwayNodes})
    demand.samples.push({labels: {...where, group: r.group, subnet: r.subnetId}, value: r.oneNodeDemand})
  }

  const time = family('doctor_last_run_timestamp_seconds', 'When the last doctor run began (Unix time).')
  time.samples.push({labels: where, value: Date.parse(run.startedAt) / 1000})
  const duration = family('doctor_duration_seconds', 'How long the last doctor run took, gather and checks.')
  duration.samples.push({labels: where, value: run.durationSeconds})
  return [...result, runway, demand, time, duration]
}

/** Merges the families of several runs (a fleet), so each metric's HELP and TYPE appear once. */
function merge(all: Family[][]): Family[] {
  const byName = new Map<string, Family>()
  for (const family of all.flat()) {
    const seen = byName.get(family.name)
    if (seen) seen.samples.push(...family.samples)
    else byName.set(family.name, {...family, samples: [...family.samples]})
  }

  return [...byName.values()]
}

/**
 * The Prometheus text exposition format (0.0.4) of one cluster or a fleet, for node-exporter's textfile collector or a
 * Pushgateway. A cluster that could not be read is vpccni_doctor_up 0.
 */
export function renderPrometheus(fleet: FleetMember[]): string {
  // One cluster through two contexts has one set of series: the second would repeat them, which the format forbids.
  const members = uniqueKeys(fleet, memberKey)
  const up: Family = {help: 'Whether doctor could read the cluster (1) or not (0).', name: 'vpccni_doctor_up', samples: [], type: 'gauge'}
  for (const member of members) up.samples.push({labels: whereLabels(memberKey(member)), value: member.run && clusterWasRead(member.run.report) ? 1 : 0})
  const runs = members.flatMap((m) => (m.run ? [m.run] : []))
  const lines: string[] = []
  for (const family of [up, ...merge(runs.map(families))]) {
    if (family.samples.length === 0) continue
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`)
    for (const sample of family.samples) lines.push(`${family.name}${labels(sample.labels)} ${sample.value}`)
  }

  return `${lines.join('\n')}\n`
}
