import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {doctorExitCode} from '../core/doctor/doctor-exit-code.js'
import type {DoctorReport} from '../core/doctor/doctor-report.js'
import {runLabel} from '../core/doctor/doctor-run.js'
import {assertChecksLeft, parseCheckIds, parseSeverityOverrides} from '../core/doctor/select-checks.js'
import {checkDoctorDelivery, deliverDoctorOutput, doctorFlags, isJsonOutput} from '../doctor-delivery.js'
import {explainCheck, explainFlag} from '../doctor-explain.js'
import {doctorFleet, fleetFlags, isFleet} from '../doctor-fleet-command.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {describeError} from '../format-error.js'
import {limitHeapGrowth} from '../limit-heap-growth.js'
import {liveFlags} from '../live-flags.js'
import {createStyle} from '../output/style.js'

interface Progress {
  done(): void
  step(text: string): void
}

export default class Doctor extends BaseCommand {
  static description = [
    'Gathers the cluster once (Kubernetes lists paged, EC2 asked in batches, EKS) and runs every check on it; a healthy cluster gives no ' +
      'finding above info. Each finding has a permanent ID, a severity, the resource, the numbers that prove it, the remedy and a link to ' +
      'its section of docs/checks.md (`--explain ID` prints that section: it is built into vpccni). The report also totals the IP ' +
      'addresses held, assigned and free per node, per subnet and in all.',
    'A read that is refused (403, UnauthorizedOperation, EKS unreachable) turns each check that needed it into a "could not check: needs ' +
      'PERMISSION" entry; the others still run.',
    'The checks, their rules and remedies: docs/checks.md, or `vpccni doctor --explain ID` for one of them (--output markdown for ' +
      'the section as Markdown, --json as data).',
    `Exit codes:\n${EXIT_CODES_HELP}\nDoctor exits 1 when an error finding remains (--fail-on warning: also a warning), 3 only when no check could run.`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> doctor', description: 'Check the cluster of the current kubeconfig context'},
    {command: '<%= config.bin %> doctor --json --fail-on warning', description: 'In CI: the findings as JSON, exit 1 on any warning'},
    {command: '<%= config.bin %> doctor --only CNI001,CNI004 --severity CNI004=error', description: 'Two checks, subnet runway graded error'},
    {command: '<%= config.bin %> doctor --from-dir ticket-1234', description: 'Check a snapshot taken with vpccni snapshot'},
    {command: '<%= config.bin %> doctor --explain CNI004', description: 'What subnet runway means, how it is detected, the remedy'},
  ]
  static flags = {
    ...liveFlags,
    'fail-on': Flags.string({default: 'error', description: 'Lowest severity that makes doctor exit 1.', options: ['error', 'warning']}),
    only: Flags.string({description: 'Run only these check IDs (comma-separated or repeated).', multiple: true}),
    severity: Flags.string({description: 'Re-grade a check: ID=error|warning|info (repeatable).', multiple: true}),
    skip: Flags.string({description: 'Skip these check IDs (comma-separated or repeated).', multiple: true}),
    ...doctorFlags,
    ...explainFlag,
    ...fleetFlags,
  }
  static summary = 'Check the VPC CNI of a cluster (or a snapshot) for every known failure mode.'
  // Written out: oclif's own line for this many exclusive flags comes out with empty alternatives ("|  |  |").
  static usage = [
    'doctor [--context NAME | --from-dir DIR] [--output FORMAT] [--only IDS] [--skip IDS] [--severity ID=LEVEL] [--fail-on LEVEL]',
    'doctor --context NAME --context NAME... | --all-contexts [--concurrency N] [--output FORMAT]',
    'doctor --explain ID',
  ]

  /** `--output json` is `--json`: the same document, and errors as JSON too. */
  override jsonEnabled(): boolean {
    return super.jsonEnabled() || isJsonOutput(this.argv)
  }

  async run(): Promise<DoctorReport | {clusters: unknown[]; schemaVersion: 1} | {schemaVersion: 1}> {
    const {flags, metadata} = await this.parse(Doctor)
    limitHeapGrowth()
    const given = (name: string) => metadata.flags[name]?.setFromDefault !== true && (flags as Record<string, unknown>)[name] !== undefined
    // --json means --output json: another format beside it would be dropped without a word.
    if (super.jsonEnabled() && given('output') && flags.output !== 'json') throw new UserError(`--json does not go with --output ${flags.output}: pass one of them`)
    if (given('concurrency') && !isFleet(flags)) throw new UserError('--concurrency is for a fleet: give several --context, or --all-contexts')
    if (flags.explain !== undefined) {
      return explainCheck(flags.explain, {json: this.jsonEnabled(), log: (line) => this.log(line), output: flags.output, useColor: this.useColor(flags), width: this.width()})
    }

    // Checked before the cluster is read: a bad path or URL never costs a gather.
    const gateway = await checkDoctorDelivery(flags)
    // Loaded here, not at start-up: the checks pull in the engines, which other commands need not load.
    const [{CHECK_REGISTRY}, {runDoctor}, {ClusterOutOfReach}] = await Promise.all([
      import('../core/doctor/registry.js'), import('../sources/doctor/run-doctor.js'), import('../sources/doctor/cluster-out-of-reach.js'),
    ])
    const IDS = CHECK_REGISTRY.map((c) => c.id)
    const selection = {
      only: parseCheckIds('--only', flags.only ?? [], IDS),
      severity: parseSeverityOverrides(flags.severity ?? [], IDS),
      skip: parseCheckIds('--skip', flags.skip ?? [], IDS),
    }
    assertChecksLeft(selection, IDS)
    if (isFleet(flags)) {
      const fleet = {...flags, context: undefined, contexts: flags.context ?? []}
      return doctorFleet({flags: fleet, gateway, json: this.jsonEnabled(), log: (line) => this.log(line), selection, useColor: this.useColor(flags), version: this.config.version, width: this.width()})
    }

    const progress = this.progress()
    const delivery = {flags, gateway, json: this.jsonEnabled(), log: (line: string) => this.log(line), version: this.config.version}
    const run = await runDoctor({...flags, context: flags.context?.[0]}, selection, (text) => progress.step(text))
      .catch(async (error: unknown) => {
        // Nothing answered: the error line alone, and for the machine formats the cluster as a fleet's unread one
        // (vpccni_doctor_up 0, an unsuccessful SARIF run, a JUnit error).
        if (error instanceof ClusterOutOfReach) {
          const {exitCode, hint, message} = describeError(error, 'doctor')
          const {context, place} = error.where
          await deliverDoctorOutput({...delivery, members: [{context: context ?? '', error: {exitCode, hint, message}, label: error.label, place}]})
        }

        throw error
      })
      .finally(() => progress.done())
    const {report} = run
    const text = async (inFile: boolean) => {
      const {renderDoctorReport} = await import('../output/doctor-view.js')
      return renderDoctorReport(report, await createStyle(this.useColor(flags) && !inFile), inFile ? 80 : this.width())
    }
    await deliverDoctorOutput({...delivery, members: [{context: runLabel(run), run}], text})
    process.exitCode = doctorExitCode(report, flags['fail-on'] as 'error' | 'warning')
    return report
  }

  /** COLUMNS first (as `ls` reads it), then the terminal's width; none when piped (rows stay whole, prose wraps at 80). */
  private width(): number | undefined {
    return Number(process.env.COLUMNS) || (this.isTty && process.stdout.columns) || undefined
  }

  /** "reading nodes…" on stderr, only when stderr is a terminal; cleared before the report. */
  private progress(): Progress {
    const tty = Boolean(process.stderr.isTTY) && !process.env.CI
    return {
      done: () => void (tty && process.stderr.write('\r\u001B[2K')),
      step: (text) => void (tty && process.stderr.write(`\r\u001B[2Kvpccni doctor: ${text}…`)),
    }
  }
}
