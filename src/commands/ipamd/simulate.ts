import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../../base-command.js'
import {parseCniVersion} from '../../core/cni-version.js'
import {buildSimulateReport, type SimulateResult} from '../../core/ipamd/build-simulate-report.js'
import {checkMaxPodsFlag, checkPodsOnNode} from '../../core/ipamd/node-capacity.js'
import {defaultMaxPods, ipLimitedPods} from '../../core/ipamd/node-shape.js'
import {buildIpamdSettings, parseSetAssignments} from '../../core/ipamd/parse-ipamd-settings.js'
import {parseTrace, traceDurationSeconds} from '../../core/ipamd/parse-trace.js'
import {DEFAULT_EC2_LATENCY} from '../../core/ipamd/workload.js'
import {resolveInstanceTypes} from '../../core/max-pods/resolve-instance-types.js'
import {AWS_NODE_ENV_VARS} from '../../data/aws-node-env.generated.js'
import {findInstanceType, instanceTypeNames} from '../../data/instance-catalog.js'
import {NEWEST_KNOWN_CNI} from '../../data/release-summary.generated.js'
import {EXIT_CODES_HELP} from '../../exit-codes.js'
import {WHOLE_NUMBER} from '../../integer-flag.js'
import {nodeShapeFlags, setFlag} from '../../ipamd-flags.js'
import {renderSimulate} from '../../output/ipamd-simulate-view.js'
import {createStyle} from '../../output/style.js'
import {inputName, readTextFile} from '../../sources/read-text-file.js'

export default class IpamdSimulate extends BaseCommand {
  static description = [
    "Runs vpccni's model of ipamd's warm pool offline for one node shape. Pods arrive one at a time, each placed on the lowest " +
      'device-index ENI (then lowest prefix) with room, and the pool settles after each with every timer elapsed. ' +
      'The result is what the node holds: ENIs, IPs or prefixes, assigned and idle addresses.',
    '--trace replays a timed workload instead, a CSV of "seconds,+|-,count" lines (pods arriving or leaving; the oldest pods leave first), ' +
      'starting from the --pods steady state: ipamd reconciles every 5 s and waits for its EC2 calls. It reports EC2 calls by kind, ENIs ' +
      'attached and freed, pods that waited for an address and for how long, and addresses held and idle over time.',
    'Settings start from the aws-node manifest defaults (WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1); --set changes any of them. ' +
      'The model follows ipamd v1.23 (pkg/ipamd/ipamd.go). ipamd itself places pods in random (Go map) order: which ENI empties first ' +
      'can differ on a real node, and with prefix delegation and WARM_PREFIX_TARGET of 2 or more it holds more prefixes than packing. ' +
      "There the packed figure is the lower bound, and the output adds the range over 20 seeded runs of ipamd's order.",
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> ipamd simulate --instance-type m5.large --pods 20', description: '3 ENIs, 27 IPs, 7 idle'},
    {
      command: '<%= config.bin %> ipamd simulate --instance-type m5.large --pods 20 --set WARM_IP_TARGET=5 --set MINIMUM_IP_TARGET=10',
      description: '25 IPs',
    },
    {command: '<%= config.bin %> ipamd simulate --instance-type m5.large --pods 20 --prefix --timeline', description: 'Prefixes, with a chart'},
    {command: '<%= config.bin %> ipamd simulate --instance-type m5.xlarge --pods 10 --trace load.csv --json', description: 'Replay a workload'},
  ]
  static flags = {
    ...nodeShapeFlags,
    'ec2-latency': Flags.integer({...WHOLE_NUMBER, default: DEFAULT_EC2_LATENCY.assignSeconds, description: 'Seconds an Assign/Unassign call takes (--trace).', min: 0}),
    'eni-latency': Flags.integer({...WHOLE_NUMBER, 
      default: DEFAULT_EC2_LATENCY.attachEniSeconds,
      description: 'Seconds to create and attach an ENI (--trace).',
      min: 0,
    }),
    pods: Flags.integer({...WHOLE_NUMBER, default: 0, description: 'Pods on the node (with --trace: already running when it starts); at most what the node holds.', min: 0}),
    set: setFlag,
    timeline: Flags.boolean({default: false, description: 'Chart addresses held vs assigned, per pod or over time.'}),
    trace: Flags.string({description: 'CSV workload to replay: "seconds,+|-,count" per line (- for stdin).'}),
  }
  static summary = "Simulate ipamd's warm pool for an instance type, a pod count and aws-node settings."

  async run(): Promise<SimulateResult> {
    const {flags} = await this.parse(IpamdSimulate)
    const [instance] = resolveInstanceTypes([flags['instance-type']], findInstanceType, instanceTypeNames)
    const env = parseSetAssignments(flags.set ?? [], AWS_NODE_ENV_VARS)
    const {config, unmodelled} = buildIpamdSettings(
      {
        customNetworking: flags['custom-networking'],
        prefixDelegation: flags.prefix,
        securityGroupsForPods: flags['security-groups-for-pods'],
      },
      env,
    )
    checkMaxPodsFlag(flags['max-pods'])
    const cniVersion = parseCniVersion(NEWEST_KNOWN_CNI)
    const maxPods = defaultMaxPods(instance, config, cniVersion, flags['max-pods'])
    checkPodsOnNode(flags.pods, {instanceType: instance.instanceType, ipLimited: ipLimitedPods(instance, config, cniVersion), maxPods})
    const events = flags.trace ? parseTrace(await readTextFile(flags.trace), inputName(flags.trace)) : undefined
    const result = buildSimulateReport({
      config: {...config, maxPods},
      instance,
      latency: {...DEFAULT_EC2_LATENCY, assignSeconds: flags['ec2-latency'], attachEniSeconds: flags['eni-latency'], releaseSeconds: flags['ec2-latency']},
      pods: flags.pods,
      trace: events && {durationSeconds: traceDurationSeconds(events), events, name: inputName(flags.trace!)},
    })
    for (const name of unmodelled) result.warnings.push(`${name} does not change the warm pool; it is ignored here`)
    for (const warning of result.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) this.log(renderSimulate(result, flags.timeline, await createStyle(this.useColor(flags))))
    return result
  }
}
