import * as Flags from '@oclif/core/flags'

import type {FleetMember} from './core/doctor/fleet.js'
import type {CheckSelection} from './core/doctor/select-checks.js'
import {deliverDoctorOutput} from './doctor-delivery.js'
import {UserError} from './errors.js'
import {ExitCode} from './exit-codes.js'
import type {LiveSourceFlags} from './sources/live-cluster-source.js'
import type {PushGateway} from './sources/prometheus/push-gateway.js'
import {createStyle} from './output/style.js'

/** The fleet flags of doctor: several `--context` (the shared flag, made repeatable), or every context. */
export const fleetFlags = {
  'all-contexts': Flags.boolean({description: 'Check the cluster of every kubeconfig context (a fleet).', exclusive: ['context'], helpGroup: 'FLEET'}),
  concurrency: Flags.integer({default: 4, description: 'Clusters checked at once in a fleet, 1 to 64.', helpGroup: 'FLEET', max: 64, min: 1}),
  context: Flags.string({description: 'kubeconfig context (else the current context); repeat it to check a fleet.', helpGroup: 'SOURCE', multiple: true}),
}

interface FleetCommand {
  flags: LiveSourceFlags & {
    'all-contexts': boolean
    concurrency: number
    contexts: string[]
    'fail-on': string
    'from-dir'?: string
    output: string
    'output-file'?: string
  }
  gateway?: PushGateway
  json: boolean
  log: (text: string) => void
  selection: CheckSelection
  useColor: boolean
  version: string
  /** The terminal's width (doctor's rule); none in a pipe. */
  width: number | undefined
}

/** Whether the flags ask for a fleet rather than one cluster. */
export const isFleet = (flags: {'all-contexts': boolean; context?: string[]}): boolean => flags['all-contexts'] || (flags.context?.length ?? 0) > 1

/** doctor across a fleet: every cluster concurrently, one document per cluster, the worst cluster's exit code. */
export async function doctorFleet(command: FleetCommand): Promise<{clusters: unknown[]; schemaVersion: 1}> {
  const {flags} = command
  if (flags['from-dir'] !== undefined) throw new UserError('--from-dir reads one snapshot: it does not go with several --context or --all-contexts')
  if (flags.cluster !== undefined) throw new UserError('--cluster names one EKS cluster: in a fleet each context names its own')
  const [{kubeContextTargets}, {runFleet}, {fleetDocument, fleetExitCode, memberKey}, {clusterLabels}] = await Promise.all([
    import('./sources/kubernetes/kube-contexts.js'),
    import('./sources/doctor/run-fleet.js'),
    import('./core/doctor/fleet.js'),
    import('./core/doctor/doctor-run.js'),
  ])
  const targets = await kubeContextTargets(flags.kubeconfig, flags.contexts, flags['all-contexts'])
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI
  const progress = (done: number, total: number) => void (tty && process.stderr.write(`\r\u001B[2Kvpccni doctor: ${done} of ${total} clusters…`))
  const read: FleetMember[] = await runFleet(targets, flags, command.selection, flags.concurrency, progress).finally(() => void (tty && process.stderr.write('\r\u001B[2K')))
  // A cluster not read is named and placed by its context's ARN, as it is when read: its up=0 replaces its own
  // Pushgateway group.
  const labels = clusterLabels(read.map((m, i) => {
    const {accountId, region} = memberKey(m)
    return {accountId, context: m.context, name: m.run ? m.run.report.cluster.name : targets[i].clusterName, region}
  }))
  const members = read.map((m, i): FleetMember => (m.run ? {...m, run: {...m.run, label: labels[i]}} : {...m, label: labels[i]}))
  const document = fleetDocument(members)
  const text = async (inFile: boolean) => {
    const {renderFleet} = await import('./output/doctor-fleet-view.js')
    return renderFleet(members, await createStyle(command.useColor && !inFile), inFile ? 80 : command.width)
  }

  await deliverDoctorOutput({
    document,
    flags,
    fleet: true,
    gateway: command.gateway,
    json: command.json,
    log: command.log,
    members,
    text,
    version: command.version,
  })
  process.exitCode = fleetExitCode(members, flags['fail-on'] as 'error' | 'warning')
  // Exit 3 says why on stderr as every other exit 3 does; stdout already holds the document (JUnit, SARIF, ...).
  if (process.exitCode === ExitCode.SourceUnreachable) {
    process.stderr.write(`error: none of the ${members.length} clusters could be read; each cluster's entry says why\n`)
  }

  return document
}
