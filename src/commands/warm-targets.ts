import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {parseCniVersion} from '../core/cni-version.js'
import {checkMaxPodsFlag, checkNodesInCluster} from '../core/ipamd/node-capacity.js'
import {defaultMaxPods} from '../core/ipamd/node-shape.js'
import {buildIpamdSettings, parseSetAssignments} from '../core/ipamd/parse-ipamd-settings.js'
import {parseTrace, traceDurationSeconds, tracePeakPods} from '../core/ipamd/parse-trace.js'
import {resolveInstanceTypes} from '../core/max-pods/resolve-instance-types.js'
import {checkWorkloadFits} from '../core/warm-targets/check-workload.js'
import {recommendWarmTargets, type WarmTargetsResult} from '../core/warm-targets/recommend-warm-targets.js'
import {AWS_NODE_ENV_VARS} from '../data/aws-node-env.generated.js'
import {findInstanceType, instanceTypeNames} from '../data/instance-catalog.js'
import {NEWEST_KNOWN_CNI} from '../data/release-summary.generated.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {WHOLE_NUMBER} from '../integer-flag.js'
import {nodeShapeFlags, setFlag} from '../ipamd-flags.js'
import {createStyle} from '../output/style.js'
import {liveFlags} from '../live-flags.js'
import {inputName, readTextFile} from '../sources/read-text-file.js'
import {readSubnetFree, type SubnetFree} from '../sources/warm-targets/read-subnet-free.js'
import {withClusterSource} from '../sources/with-cluster-source.js'

export default class WarmTargets extends BaseCommand {
  static description = [
    'Recommends WARM_IP_TARGET and MINIMUM_IP_TARGET (or WARM_ENI_TARGET / WARM_PREFIX_TARGET where they do better) for a node shape and ' +
      'workload. Every candidate setting is simulated with the ipamd warm-pool model over two hours: the steady pods, a burst (--burst) ' +
      'at 10 minutes, a ramp to the peak (--peak) after an hour, and steady churn (--churn); or a --trace CSV.',
    'The recommendation holds the fewest idle addresses while no pod waits for an address and EC2 calls stay under a sane rate ' +
      '(60 per hour per node, 1,800 per hour across --nodes nodes). A table compares it with the default WARM_ENI_TARGET=1 and ' +
      'alternatives: idle IPs per node and cluster-wide, EC2 calls per hour, pods that waited, nodes until the subnet runs out (--subnet-free).',
    '--subnet ID reads the subnet\'s free addresses from EC2 DescribeSubnets (AvailableIpAddressCount) instead of --subnet-free; ' +
      'it is the only call warm-targets makes, and needs ec2:DescribeSubnets.',
    'The result comes ready to apply: the aws-node env block, a kubectl set env line, and the EKS add-on configurationValues.',
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> warm-targets --instance-type m5.large --pods 15 --peak 20 --burst 5 --churn 1', description: 'Recommend targets'},
    {
      command: '<%= config.bin %> warm-targets --instance-type m5.xlarge --pods 30 --burst 10 --nodes 200 --subnet-free 8000 --json',
      description: 'Cluster-wide figures and subnet headroom, as JSON',
    },
    {command: '<%= config.bin %> warm-targets --instance-type m5.large --pods 30 --prefix --burst 10', description: 'With prefix delegation'},
    {command: '<%= config.bin %> warm-targets --instance-type m5.large --pods 20 --nodes 50 --subnet subnet-0a1b2c3d4e5f60718 --region eu-west-1', description: 'Subnet headroom read from EC2'},
  ]
  static flags = {
    ...liveFlags,
    ...nodeShapeFlags,
    burst: Flags.integer({...WHOLE_NUMBER, 
      description: 'Pods scheduled at once (a rollout) on top of the steady pods (default: 25% of --pods, a Deployment\'s default maxSurge).',
      min: 0,
    }),
    churn: Flags.string({default: '0', description: 'Pod starts per minute per node in steady state (decimals allowed; at most the max pods, and 600).'}),
    nodes: Flags.integer({...WHOLE_NUMBER, default: 1, description: 'Nodes of this shape, for cluster-wide figures (at most 100,000, an EKS cluster\'s limit).', min: 1}),
    peak: Flags.integer({...WHOLE_NUMBER, description: 'Most pods per node at a busy time (default: --pods).', min: 0}),
    pods: Flags.integer({...WHOLE_NUMBER, description: 'Pods a node usually runs.', min: 0, required: true}),
    set: setFlag,
    subnet: Flags.string({description: 'Node subnet id: its free addresses are read from EC2 DescribeSubnets (instead of --subnet-free).'}),
    'subnet-free': Flags.integer({...WHOLE_NUMBER, description: 'Free IPv4 addresses in the node subnet(s), for "nodes until the subnet runs out".', min: 0}),
    trace: Flags.string({description: 'CSV workload to use instead: "seconds,+|-,count" per line (- for stdin).'}),
  }
  static summary = 'Recommend WARM_IP_TARGET / MINIMUM_IP_TARGET for a node shape and workload, with the trade-off in numbers.'

  async run(): Promise<WarmTargetsResult & {subnet: null | SubnetFree}> {
    const {flags} = await this.parse(WarmTargets)
    const [instance] = resolveInstanceTypes([flags['instance-type']], findInstanceType, instanceTypeNames)
    const setEnv = parseSetAssignments(flags.set ?? [], AWS_NODE_ENV_VARS)
    const {config} = buildIpamdSettings(
      {customNetworking: flags['custom-networking'], prefixDelegation: flags.prefix, securityGroupsForPods: flags['security-groups-for-pods']},
      setEnv,
    )
    checkMaxPodsFlag(flags['max-pods'])
    checkNodesInCluster(flags.nodes)
    const maxPods = defaultMaxPods(instance, config, parseCniVersion(NEWEST_KNOWN_CNI), flags['max-pods'])
    const events = flags.trace ? parseTrace(await readTextFile(flags.trace), inputName(flags.trace)) : undefined
    const tracePeak = events && tracePeakPods(flags.pods, events, inputName(flags.trace!))
    const shape = checkWorkloadFits({burst: flags.burst, churn: flags.churn, maxPods, peak: flags.peak, pods: flags.pods, tracePeak})
    const subnet = await this.readSubnet(flags)
    const result = recommendWarmTargets({
      base: {...config, maxPods},
      instance,
      nodes: flags.nodes,
      setEnv,
      shape,
      subnetFree: subnet?.free ?? flags['subnet-free'] ?? null,
      subnetFreeFrom: subnet?.origin ?? '--subnet-free',
      trace: events && {durationSeconds: traceDurationSeconds(events), events, name: inputName(flags.trace!)},
    })
    for (const warning of result.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) {
      // The table renderer (cli-table3) loads on use, so that no other command pays for it at start.
      const {renderWarmTargets} = await import('../output/warm-targets-view.js')
      const text = renderWarmTargets(result, await createStyle(this.useColor(flags)), this.outputWidth)
      this.log(subnet ? `${text}\nSubnet ${subnet.subnetId} (${subnet.availabilityZone}, ${subnet.cidrBlock}): ${subnet.free} free addresses, from ${subnet.origin}` : text)
    }

    if (result.problem) this.problemFound()

    return {...result, subnet}
  }

  /** `--subnet ID`: the only call warm-targets makes, and only when asked. */
  private async readSubnet(flags: Parameters<typeof withClusterSource>[0] & {subnet?: string; 'subnet-free'?: number}): Promise<null | SubnetFree> {
    const subnetId = flags.subnet
    if (!subnetId) return null
    if (flags['subnet-free'] !== undefined) {
      throw new UserError('--subnet and --subnet-free both give the free addresses: pass one', {hint: `--subnet ${subnetId} reads them from EC2`})
    }

    return withClusterSource(flags, (source) => readSubnetFree(source, subnetId))
  }
}
