import * as Flags from '@oclif/core/flags'

import {runLabel} from './core/doctor/doctor-run.js'
import type {FleetMember} from './core/doctor/fleet.js'
import {UserError} from './errors.js'
import {DOCTOR_FORMATS, type DoctorFormat} from './output/doctor-formats.js'

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
    description: 'Also PUT the Prometheus metrics to this Pushgateway (URL/metrics/job/vpccni/cluster/NAME): the only write vpccni makes.',
    helpGroup: 'OUTPUT',
  }),
}

/** Whether argv asks for `--output json` (or `--output=json`), which means the same as `--json`. */
export function isJsonOutput(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--output=json' || (arg === '--output' && argv[i + 1] === 'json'))
}

interface Delivery {
  flags: {'fail-on': string; output: string; 'output-file'?: string; 'push-gateway'?: string; 'request-timeout': number}
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

/** Renders the asked format to stdout or --output-file, and pushes the metrics to --push-gateway. */
export async function deliverDoctorOutput(delivery: Delivery): Promise<void> {
  const {flags, members} = delivery
  const gateway = flags['push-gateway']
  if (gateway !== undefined && !/^https?:\/\/[^/]/i.test(gateway)) throw new UserError(`--push-gateway ${gateway}: not an http(s) URL`)
  const format = (delivery.json ? 'json' : flags.output) as DoctorFormat
  const file = flags['output-file']
  const options = {failOn: flags['fail-on'] as 'error' | 'warning', fleet: delivery.fleet ?? false, version: delivery.version}
  let output: string | undefined
  const json = delivery.document ?? members[0]?.run?.report
  if (format === 'text') output = await delivery.text?.(Boolean(file))
  else if (format === 'json') output = file && json ? `${JSON.stringify(json, null, 2)}\n` : undefined
  else {
    const {renderDoctorFormat} = await import('./output/doctor-formats.js')
    output = await renderDoctorFormat(format, members, options)
  }

  if (file && output !== undefined) {
    const {writeFileAtomic} = await import('./sources/files/write-file-atomic.js')
    await writeFileAtomic(file, output.endsWith('\n') ? output : `${output}\n`)
  } else if (output !== undefined) {
    delivery.log(output.replace(/\n$/, ''))
  }

  if (gateway !== undefined) {
    const [{pushMetrics}, {renderPrometheus}] = await Promise.all([import('./sources/prometheus/push-gateway.js'), import('./output/doctor-prometheus.js')])
    for (const member of members) await pushMetrics(gateway, member.run ? runLabel(member.run) : member.context, renderPrometheus([member]), flags['request-timeout'])
  }
}
