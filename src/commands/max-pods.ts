import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {parseCniVersion} from '../core/cni-version.js'
import {buildMaxPodsReport} from '../core/max-pods/build-max-pods-report.js'
import type {MaxPodsReport} from '../core/max-pods/max-pods-report.js'
import {INSTANCE_DATA_INFO} from '../data/instance-types.generated.js'
import {NEWEST_KNOWN_CNI} from '../data/release-summary.generated.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {WHOLE_NUMBER} from '../integer-flag.js'
import {liveFlags} from '../live-flags.js'
import {renderMaxPodsExplain} from '../output/explain-max-pods.js'
import {renderMaxPodsPlain} from '../output/max-pods-view.js'
import {createStyle} from '../output/style.js'
import {awsOptionsFromFlags} from '../sources/aws/aws-options.js'
import {loadInstanceLimits} from '../sources/instance-limits.js'

const dataLine = INSTANCE_DATA_INFO.sources
  .map((s) => `${s.repository ?? ''} ${s.path ?? ''}${s.commit ? ` @ ${s.commit.slice(0, 8)}` : ''}${s.date ? ` (${s.date})` : ''}`.trim())
  .join('; ')

export default class MaxPods extends BaseCommand {
  static args = {
    // ignoreStdin: oclif would otherwise wait for stdin and read every piped line as one argument.
    INSTANCE_TYPE: Args.string({description: 'EC2 instance types, e.g. m5.large c6i.4xlarge', ignoreStdin: true}),
  }
  static description = [
    "Prints the value to give kubelet --max-pods: the pods the node's ENIs can address, usable ENIs × (IPv4 per ENI − 1) [× 16 with prefix delegation] + 2, " +
      'capped at 110 for 30 vCPUs or fewer and 250 above, as the EKS max-pods calculator does (--no-cap prints the IP limit itself).',
    'Only the default network card counts, as in ipamd. Prefix delegation needs a Nitro or bare-metal type and CNI v1.9.0 (bare metal: v1.11.0); ' +
      'elsewhere it falls back to secondary IPs with a warning on stderr.',
    'A type whose vCPU count is not in the data gets the smaller cap (110), with a warning: the 110/250 choice cannot be derived. ' +
      'A named type left with no ENI to carry pods (MAX_ENI, custom networking and the trunk ENI take them all) is a problem: a warning and exit 1.',
    `Embedded data: ${INSTANCE_DATA_INFO.typeCount} instance types, generated ${INSTANCE_DATA_INFO.generatedAt} from ${dataLine}.`,
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> max-pods m5.large', description: 'Secondary-IP mode: prints 29'},
    {command: '<%= config.bin %> max-pods m5.large --prefix', description: 'Prefix delegation: prints 110 (434 before the cap)'},
    {command: '<%= config.bin %> max-pods m5.large --custom-networking --no-cap', description: 'The primary ENI carries no pods: 20'},
    {command: '<%= config.bin %> max-pods c5.4xlarge m5.xlarge --explain', description: 'Show the derivation'},
    {command: '<%= config.bin %> max-pods --all --prefix --json', description: 'Every known type as JSON'},
  ]
  static flags = {
    all: Flags.boolean({default: false, description: 'Every known instance type.'}),
    'cni-version': Flags.string({
      default: NEWEST_KNOWN_CNI,
      description: 'VPC CNI version on the nodes (prefix delegation needs v1.9.0).',
    }),
    'custom-networking': Flags.boolean({default: false, description: 'Custom networking (ENIConfig): the primary ENI carries no pods.'}),
    explain: Flags.boolean({default: false, description: 'Show the derivation with the actual numbers and where the data comes from.'}),
    'max-eni': Flags.integer({...WHOLE_NUMBER, description: 'MAX_ENI: at most N ENIs.', min: 1}),
    'no-cap': Flags.boolean({default: false, description: 'Print the IP-limited value, without the 110/250 cap.'}),
    prefix: Flags.boolean({default: false, description: 'Prefix delegation (ENABLE_PREFIX_DELEGATION=true): 16 addresses per slot.'}),
    profile: liveFlags.profile,
    region: liveFlags.region,
    'request-timeout': liveFlags['request-timeout'],
    'security-groups-for-pods': Flags.boolean({default: false, 
      description: 'Security groups for pods (ENABLE_POD_ENI): one ENI is the trunk on trunk-capable types.',
    }),
    source: Flags.string({
      default: 'embedded',
      description: 'Where instance limits come from: the embedded table, or live EC2 DescribeInstanceTypes.',
      options: ['embedded', 'ec2'],
    }),
  }
  static strict = false
  static summary = 'Max pods per instance type, for kubelet --max-pods, in every CNI mode.'

  async run(): Promise<MaxPodsReport> {
    const {argv, flags} = await this.parse(MaxPods)
    const names = argv as string[]
    if (!flags.all && names.length === 0) {
      throw new UserError('name at least one instance type, or pass --all', {hint: 'e.g. vpccni max-pods m5.large'})
    }

    if (flags.all && names.length > 0) throw new UserError('give instance types or --all, not both')
    const cniVersion = parseCniVersion(flags['cni-version'])
    const {data, types} = await loadInstanceLimits({
      all: flags.all,
      aws: awsOptionsFromFlags(flags),
      names,
      source: flags.source as 'ec2' | 'embedded',
    })
    const report = buildMaxPodsReport(
      types,
      {
        cniVersion,
        customNetworking: flags['custom-networking'],
        maxEni: flags['max-eni'],
        noCap: flags['no-cap'],
        prefixDelegation: flags.prefix,
        securityGroupsForPods: flags['security-groups-for-pods'],
      },
      data,
    )
    for (const warning of report.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) this.log(await this.render(report, flags))
    // A named type that can run no pod in the asked-for mode is a broken node configuration; across --all it is only a warning.
    if (!flags.all && report.results.some((r) => r.enis.usable === 0)) this.problemFound()
    return report
  }

  private async render(report: MaxPodsReport, flags: {color: boolean; explain: boolean}): Promise<string> {
    const style = await createStyle(this.useColor(flags))
    if (flags.explain) return renderMaxPodsExplain(report, style)
    if (this.isTty && report.results.length > 1) {
      const {renderMaxPodsTable} = await import('../output/max-pods-view-table.js')
      return renderMaxPodsTable(report, style, this.outputWidth)
    }

    return renderMaxPodsPlain(report)
  }
}
