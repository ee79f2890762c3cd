import * as Flags from '@oclif/core/flags'

import {uniqueKeys} from './core/doctor/doctor-run.js'
import {type FleetMember, memberKey, memberLabel} from './core/doctor/fleet.js'
import {DOCTOR_FORMATS, type DoctorFormat} from './output/doctor-formats.js'
import type {PushGateway} from './sources/prometheus/push-gateway.js'

/** doctor's output flags: the format, where it goes, and the Pushgateway. */
export const doctorFlags = {
  output: Flags.string({
    default: 'text',
    description: 'Output format: text, json (same as --json), markdown (PR or ticket), junit (CI test report), sarif (code scanning), prometheus (text exposition).',
    helpGroup: 'OUTPUT',
    options: [...DOCTOR_FORMATS],
  }),
  'output-file': Flags.string({
    description: 'Write the output to PATH atomically (temporary file, then rename: safe for node-exporter\'s textfile collector) instead of stdout.',
    helpGroup: 'OUTPUT',
  }),
  'push-gateway': Flags.string({
    description:
      'Also PUT the Prometheus metrics to this Pushgateway (under URL/metrics/job/vpccni, grouped by cluster, region and account_id; http://USER:PASSWORD@HOST sends them with basic auth): the only write vpccni makes.',
    helpGroup: 'OUTPUT',
  }),
}

/** Whether argv asks for `--output json` (or `--output=json`), which means the same as `--json`. */
export function isJsonOutput(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--output=json' || (arg === '--output' && argv[i + 1] === 'json'))
}

/** The output flags that name a place, checked before the cluster is read: a bad one never costs a gather. */
export async function checkDoctorDelivery(flags: {'output-file'?: string; 'push-gateway'?: string}): Promise<PushGateway | undefined> {
  if (flags['output-file'] !== undefined) {
    const {checkOutputFile} = await import('./sources/files/write-file-atomic.js')
    checkOutputFile(flags['output-file'])
  }

  if (flags['push-gateway'] === undefined) return undefined
  const {parsePushGateway} = await import('./sources/prometheus/push-gateway.js')
  return parsePushGateway(flags['push-gateway'])
}

interface Delivery {
  flags: {'fail-on': string; output: string; 'output-file'?: string; 'request-timeout': number}
  /** Where to push the metrics (checkDoctorDelivery), if anywhere. */
  gateway?: PushGateway
  /** Whether oclif prints the JSON document itself (--json, --output json). */
  json: boolean
  log: (text: string) => void
  /** The clusters in the order asked: one for a single run; a fleet's members, those that could not be read too. */
  members: FleetMember[]
  /** The people's text at the terminal's width, or at 80 columns for a file; none when no cluster could be read. */
  text?: (inFile: boolean) => Promise<string>
  version: string
  /** Several clusters asked (--context ×N, --all-contexts): the formats give the fleet's overview. */
  fleet?: boolean
  /** The JSON document, when it is to be written to --output-file. */
  document?: unknown
}

/** Renders the asked format to stdout or --output-file, then pushes every cluster's metrics to the gateway. */
export async function deliverDoctorOutput(delivery: Delivery): Promise<void> {
  const {flags, gateway, members} = delivery
  const format = (delivery.json ? 'json' : flags.output) as DoctorFormat
  const file = flags['output-file']
  const options = {failOn: flags['fail-on'] as 'error' | 'warning', fleet: delivery.fleet ?? false, version: delivery.version}
  let output: string | undefined
  const json = delivery.document ?? members[0]?.run?.report
  if (format === 'text') output = await delivery.text?.(file !== undefined)
  else if (format === 'json') output = file !== undefined && json ? `${JSON.stringify(json, null, 2)}\n` : undefined
  else {
    const {renderDoctorFormat} = await import('./output/doctor-formats.js')
    output = await renderDoctorFormat(format, members, options)
  }

  if (file !== undefined && output !== undefined) {
    const {writeFileAtomic} = await import('./sources/files/write-file-atomic.js')
    await writeFileAtomic(file, output.endsWith('\n') ? output : `${output}\n`)
  } else if (output !== undefined) {
    delivery.log(output.replace(/\n$/, ''))
  }

  if (gateway !== undefined) {
    const [{pushEvery}, {renderPrometheus}] = await Promise.all([import('./sources/prometheus/push-gateway.js'), import('./output/doctor-prometheus.js')])
    const pushes = uniqueKeys(members, memberKey).map((member) => ({body: renderPrometheus([member]), key: memberKey(member), name: member.context || memberLabel(member)}))
    await pushEvery(gateway, pushes, flags['request-timeout'])
  }
}
