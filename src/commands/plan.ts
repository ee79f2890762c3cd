import * as Flags from '@oclif/core/flags'

import {BaseCommand, type BaseFlags} from '../base-command.js'
import {parseCniVersion} from '../core/cni-version.js'
import {buildIpamdSettings, modeEnv, parseSetAssignments} from '../core/ipamd/parse-ipamd-settings.js'
import {assemblePlanInput} from '../core/plan/assemble-plan-input.js'
import {buildPlan, type PlanResult} from '../core/plan/build-plan.js'
import {overrideSubnets} from '../core/plan/override-subnets.js'
import {parseNodeGroupSpec, parseZoneAssignment} from '../core/plan/parse-node-group.js'
import {draftFromFlags, numberedZones, type PlanDraft, subnetDrafts} from '../core/plan/plan-draft.js'
import {AWS_NODE_ENV_VARS} from '../data/aws-node-env.generated.js'
import {findInstanceType, instanceTypeNames} from '../data/instance-catalog.js'
import {NEWEST_KNOWN_CNI} from '../data/release-summary.generated.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {WHOLE_NUMBER} from '../integer-flag.js'
import {nodeShapeFlags, setFlag} from '../ipamd-flags.js'
import {liveFlags} from '../live-flags.js'
import {createStyle} from '../output/style.js'
import {withClusterSource} from '../sources/with-cluster-source.js'

/** One replacement a second on every node is far past any real churn, and bounds the simulation's work. */
const MAX_CHURN_PER_HOUR = 3600
const DEFAULT_ZONES = 3

type PlanFlags = BaseFlags<typeof Plan>

export default class Plan extends BaseCommand {
  static description = [
    'How many subnet addresses a cluster will hold, before it is built or before it grows. For each node group, ipamd\'s warm ' +
      'pool is simulated for its instance type, pods per node and the aws-node settings (the model `ipamd simulate` runs); the ' +
      'nodes spread evenly over the group\'s subnets as an Auto Scaling group balances zones.',
    'Per subnet and in total, at desired and at max size: node primary addresses, ENI primary addresses, pod addresses, warm-pool ' +
      'addresses and, with --churn, the extra a pool grows to under pod replacements; the rest of the subnet after the 5 addresses AWS ' +
      'reserves; with prefix delegation the aligned /28 blocks needed; and the smallest subnet that holds the max size with --headroom.',
    'The same cluster is then planned under the alternatives: the default WARM_ENI_TARGET=1, the warm-targets recommendation, prefix ' +
      'delegation and custom networking with a 100.64.0.0/10 secondary CIDR, with addresses held, EC2 calls per hour and pods that ' +
      'waited over two hours of a rollout and the churn, max pods per node, and the one to pick.',
    'Node groups come from --node-group TYPE:COUNT[:MAX[:PODS]] flags, from -f an eksctl ClusterConfig (managedNodeGroups, nodeGroups, ' +
      'vpc.subnets, the vpc-cni add-on\'s configurationValues), or from --from-cluster: EKS ListNodegroups and DescribeNodegroup, the pods ' +
      'on their nodes, the live aws-node settings and subnets (eks:ListNodegroups, eks:DescribeNodegroup, ec2:DescribeSubnets); ' +
      'live subnets must also have the free addresses now (AvailableIpAddressCount) to grow from desired to max size; ' +
      '--from-dir replays a snapshot. A group without a pod count is planned with full nodes.',
    `Exit codes (1: a subnet cannot hold the plan at max size, a live one lacks the free addresses to grow to it, or pods find no ` +
      `address under the plan's settings; 2 also for overlapping subnets or sizes outside /16-/28):\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {
      command: '<%= config.bin %> plan --node-group m5.12xlarge:2:2:100 --node-group c5.2xlarge:1:1:30 --subnet us-west-2a=10.0.0.0/23',
      description: 'Two node groups in one /23',
    },
    {command: '<%= config.bin %> plan --node-group m5.large:6:30:20 --zones 3 --prefix', description: 'Subnet sizes needed, with prefix delegation'},
    {command: '<%= config.bin %> plan -f cluster.yaml --json', description: 'From an eksctl ClusterConfig'},
    {command: '<%= config.bin %> plan --from-cluster --cluster prod', description: 'Will the subnets hold today\'s node groups at max size?'},
  ]
  static flags = {
    ...liveFlags,
    'branch-pods-per-node': Flags.integer({
      description: 'With --security-groups-for-pods: pods per node on branch ENIs (one subnet address each, not from ipamd\'s pool).', min: 0,
    }),
    churn: Flags.string({default: '0', description: `Pod replacements per hour on each node, 0 to ${MAX_CHURN_PER_HOUR} (decimals allowed).`}),
    'custom-networking': nodeShapeFlags['custom-networking'],
    file: Flags.string({char: 'f', description: 'An eksctl ClusterConfig (YAML or JSON; - for stdin).'}),
    'from-cluster': Flags.boolean({default: false, description: 'Plan today\'s managed node groups at their max size (EKS, Kubernetes, EC2).'}),
    headroom: Flags.integer({default: 20, description: 'Percent to add on top of the max-size need when sizing subnets.', max: 1000, min: 0}),
    'max-pods': nodeShapeFlags['max-pods'],
    'node-group': Flags.string({description: 'TYPE:COUNT[:MAX[:PODS]], e.g. m5.large:3:10:20 (repeatable).', multiple: true}),
    'pod-subnet': Flags.string({description: 'ZONE=CIDR of the ENIConfig subnet with custom networking (repeatable).', multiple: true}),
    'pods-per-node': Flags.integer({...WHOLE_NUMBER, description: 'Pods per node taking a VPC address, for groups that give none (default: full nodes).', min: 0}),
    prefix: nodeShapeFlags.prefix,
    'security-groups-for-pods': nodeShapeFlags['security-groups-for-pods'],
    set: setFlag,
    subnet: Flags.string({description: 'ZONE=CIDR of a node subnet (repeatable).', multiple: true}),
    zones: Flags.integer({description: `Zones, when the subnets are not known yet (default ${DEFAULT_ZONES}).`, max: 16, min: 1}),
  }
  static summary = 'How many subnet addresses a cluster needs, and the settings that need fewest.'

  async run(): Promise<PlanResult> {
    const {flags} = await this.parse(Plan)
    const churnPerHour = parseChurn(flags.churn)
    const draft = await this.readDraft(flags)
    const env = {...knownEnv(draft), ...parseSetAssignments(flags.set ?? [], AWS_NODE_ENV_VARS)}
    const modes = {customNetworking: flags['custom-networking'], prefixDelegation: flags.prefix, securityGroupsForPods: flags['security-groups-for-pods']}
    const {config} = buildIpamdSettings(modes, parseSetAssignments(Object.entries(env).map(([k, v]) => `${k}=${v}`), AWS_NODE_ENV_VARS))
    const {input, warnings} = assemblePlanInput(draft, {
      branchPodsPerNode: flags['branch-pods-per-node'], churnPerHour, cniVersion: parseCniVersion(NEWEST_KNOWN_CNI), env: {...env, ...modeEnv(modes)}, findInstanceType,
      headroomPercent: flags.headroom, instanceTypeNames, maxPods: flags['max-pods'], podsPerNode: flags['pods-per-node'], settings: config,
    })
    const result = buildPlan(input)
    result.warnings.unshift(...warnings)
    for (const warning of result.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) {
      // The table renderer loads on use, so that no other command pays for it at start.
      const {renderPlan} = await import('../output/plan-view.js')
      this.log(renderPlan(result, await createStyle(this.useColor(flags))))
    }

    if (result.fitsAtMax === false || result.problems.length > 0) this.problemFound()
    return result
  }

  /** The node groups and subnets from exactly one of: the flags, -f, the cluster (or a snapshot). */
  private async readDraft(flags: PlanFlags): Promise<PlanDraft> {
    const live = flags['from-cluster'] || flags['from-dir'] !== undefined
    const ways = [flags['node-group'] !== undefined, flags.file !== undefined, live].filter(Boolean).length
    if (ways !== 1) throw new UserError('give the node groups one way: --node-group, -f cluster.yaml or --from-cluster')
    if (flags.zones !== undefined && flags.subnet) throw new UserError('--zones and --subnet both give the zones: pass one')
    const subnets = flags.subnet ? subnetDrafts(flags.subnet.map((s) => parseZoneAssignment(s, '--subnet'))) : undefined
    const podSubnets = subnetDrafts((flags['pod-subnet'] ?? []).map((s) => parseZoneAssignment(s, '--pod-subnet')), 'pods-')
    let draft: PlanDraft
    if (flags['node-group']) {
      const zones = numberedZones(flags.zones ?? DEFAULT_ZONES).map((zone) => ({cidr: null, id: null, name: zone, zone}))
      draft = draftFromFlags(flags['node-group'].map((s) => parseNodeGroupSpec(s)), subnets ?? zones, podSubnets)
    } else if (flags.file) {
      const [{readKubeDocuments}, {parse}, {readEksctlClusterConfig}] = await Promise.all([
        import('../sources/files/read-kube-documents.js'), import('yaml'), import('../core/plan/eksctl-cluster-config.js'),
      ])
      const [doc] = await readKubeDocuments(flags.file, process.stdin, 'eksctl create cluster --dry-run prints a ClusterConfig')
      draft = readEksctlClusterConfig(doc, parse, flags.file === '-' ? 'standard input' : flags.file)
    } else {
      const {gatherPlanDraft} = await import('../sources/plan/gather-plan-draft.js')
      draft = await withClusterSource(flags, gatherPlanDraft, 'vpccni plan --node-group TYPE:COUNT:MAX, or -f cluster.yaml')
    }

    if (subnets && !flags['node-group']) draft = overrideSubnets(draft, subnets)
    if (podSubnets.length > 0) draft = {...draft, podSubnets}
    return draft
  }
}

function parseChurn(text: string): number {
  const value = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || value > MAX_CHURN_PER_HOUR) {
    throw new UserError(`--churn must be pod replacements per hour per node, 0 to ${MAX_CHURN_PER_HOUR}, got "${text}"`)
  }

  return value
}

/** The source's aws-node variables that ipamd knows; a live DaemonSet may carry others, which change nothing here. */
function knownEnv(draft: PlanDraft): Record<string, string> {
  const known = new Set(AWS_NODE_ENV_VARS.map((v) => v.name))
  const unknown = Object.keys(draft.env).filter((name) => !known.has(name))
  if (unknown.length > 0) draft.warnings.push(`aws-node variables vpccni does not know, ignored: ${unknown.join(', ')}`)
  return Object.fromEntries(Object.entries(draft.env).filter(([name]) => known.has(name)))
}
