import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../../base-command.js'
import {parseCniVersion} from '../../core/cni-version.js'
import {type DryRunContext, dryRunFleet, dryRunNode, whyNotProjectable} from '../../core/dry-run/dry-run-node.js'
import type {DryRunResult} from '../../core/dry-run/dry-run-report.js'
import type {FleetResult} from '../../core/dry-run/fleet-rows.js'
import {hasDeniedPermission} from '../../core/dry-run/plan-permission-checks.js'
import {parseCheckpoint} from '../../core/dry-run/parse-checkpoint.js'
import {parseIntrospection} from '../../core/dry-run/parse-introspection.js'
import {parseSetAssignments} from '../../core/ipamd/parse-ipamd-settings.js'
import {AWS_NODE_ENV_VARS} from '../../data/aws-node-env.generated.js'
import {findInstanceType} from '../../data/instance-catalog.js'
import {NEWEST_KNOWN_CNI} from '../../data/release-summary.generated.js'
import {UserError} from '../../errors.js'
import {EXIT_CODES_HELP} from '../../exit-codes.js'
import {setFlag} from '../../ipamd-flags.js'
import {liveFlags} from '../../live-flags.js'
import {createStyle} from '../../output/style.js'
import {readTextFile} from '../../sources/read-text-file.js'
import {withClusterSource} from '../../sources/with-cluster-source.js'

const PERMISSIONS_NOTE =
  "allowed or denied for the caller's credentials; ipamd uses the node's instance role (or the aws-node service account's IRSA role)"

export default class IpamdDryRun extends BaseCommand {
  static description = [
    "Reads one node's real state and runs vpccni's model of ipamd's warm pool from it, changing nothing: the actions ipamd " +
      'would take next, in order, with their timing and reason, where the pool settles, what limits its growth (ENI slots, ' +
      'max pods, subnet addresses, free /28s), and what looks wrong (addresses held for no pod, pod IPs on no ENI, unmanaged ENIs).',
    'It reads the Node, the pods on it, the running aws-node pod (its env: the settings ipamd started with) and the DaemonSet, ' +
      'the ENIConfigs, and from EC2 the instance\'s ENIs and their subnets (ec2:DescribeNetworkInterfaces, ec2:DescribeSubnets). ' +
      'What only ipamd knows can be given as files saved on the node: --introspection (curl -s localhost:61679/v1/enis) for ' +
      'cooling addresses and the datastore\'s view, --checkpoint (/var/run/aws-node/ipam.json) for assignments. Without them the ' +
      'result lists what it assumed.',
    '--verify-permissions sends the EC2 calls ipamd would make with DryRun=true and reports allowed or denied for the caller: ' +
      "ipamd itself uses the node's instance role. CreateNetworkInterface goes with the tags ipamd creates an ENI with, so its " +
      'answer covers ec2:CreateTags; ModifyNetworkInterfaceAttribute (DeleteOnTermination after an attach) is asked against an ' +
      'attached ENI, Detach and Delete only against an ENI ipamd manages. AssignPrivateIpAddresses and ' +
      'UnassignPrivateIpAddresses have no DryRun in EC2 and are never sent; what cannot be asked is listed as not checkable.',
    `Exit codes (1: pods on the node cannot get an address, or a needed permission is denied):\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> ipamd dry-run --node ip-10-0-1-23.eu-west-1.compute.internal', description: "ipamd's next actions on a node"},
    {command: '<%= config.bin %> ipamd dry-run --node NODE --set WARM_IP_TARGET=5 --set MINIMUM_IP_TARGET=10', description: 'Beside proposed settings'},
    {command: '<%= config.bin %> ipamd dry-run --node NODE --introspection enis.json --checkpoint ipam.json', description: "With ipamd's own records"},
    {command: '<%= config.bin %> ipamd dry-run --all --json', description: 'Every node, one row each'},
    {command: '<%= config.bin %> ipamd dry-run --node NODE --verify-permissions', description: 'Ask EC2 (DryRun) whether the calls are allowed'},
  ]
  static flags = {
    ...liveFlags,
    all: Flags.boolean({default: false, description: 'Every node of the cluster, one row each (not with the one-node flags).'}),
    checkpoint: Flags.string({description: "ipamd's checkpoint saved from the node (/var/run/aws-node/ipam.json)."}),
    introspection: Flags.string({description: 'ipamd\'s /v1/enis saved on the node (curl -s localhost:61679/v1/enis).'}),
    node: Flags.string({description: 'Node name, as kubectl get nodes shows it.'}),
    set: setFlag,
    'verify-permissions': Flags.boolean({default: false, description: 'Send the EC2 calls the actions need with DryRun=true: allowed or denied.'}),
  }
  static summary = "Show what ipamd will do next on a live node, and why, computed locally without changing anything."

  async run(): Promise<DryRunResult | FleetResult> {
    const {flags} = await this.parse(IpamdDryRun)
    if (!flags.all && !flags.node) throw new UserError('give --node NODE, or --all for every node')
    // Checked here rather than with oclif's `exclusive`, which would print the usage line as if the one-node flags excluded each other.
    const oneNode = ['node', 'introspection', 'checkpoint', 'verify-permissions'].filter((name) => flags[name as keyof typeof flags])
    if (flags.all && oneNode.length > 0) throw new UserError(`--all cannot go with ${oneNode.map((n) => `--${n}`).join(', ')}: they are for one node`)
    const set = parseSetAssignments(flags.set ?? [], AWS_NODE_ENV_VARS)
    const read = async (flag: string, file: string | undefined, parse: typeof parseCheckpoint) => {
      if (!file) return null
      const text = await readTextFile(file).catch((error: unknown) => {
        throw error instanceof UserError ? new UserError(`--${flag}: ${error.message}`, {cause: error}) : error
      })
      return parse(text, file)
    }

    const context: DryRunContext = {
      checkpoint: await read('checkpoint', flags.checkpoint, parseCheckpoint),
      cniVersion: parseCniVersion(NEWEST_KNOWN_CNI),
      findInstanceType,
      introspection: await read('introspection', flags.introspection, parseIntrospection),
      now: Date.now() / 1000,
      set,
    }
    const {gatherNodes} = await import('../../sources/dry-run/gather-nodes.js')
    const result = await withClusterSource(flags, async (source) => {
      const gathers = await gatherNodes(source, flags.all ? undefined : flags.node)
      if (flags.all) return dryRunFleet(gathers, context)

      const why = whyNotProjectable(gathers[0], context)
      if (why) throw new UserError(`cannot dry-run ${gathers[0].node.name}: ${why}`)
      const single = dryRunNode(gathers[0], context)
      if (flags['verify-permissions']) {
        const {verifyPermissions} = await import('../../sources/dry-run/verify-permissions.js')
        single.permissions = await verifyPermissions(source, gathers[0], single)
        single.permissionsNote = PERMISSIONS_NOTE
      }

      return single
    })
    const style = await createStyle(this.useColor(flags))
    const view = await import('../../output/ipamd-dry-run-view.js')
    if ('nodes' in result) {
      if (!this.jsonEnabled()) this.log(view.renderFleet(result, style))
      if (result.nodesShort > 0) this.problemFound()
      return result
    }

    for (const warning of result.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) this.log(view.renderDryRun(result, style))
    if (result.podsWithoutAddress > 0 || hasDeniedPermission(result.permissions ?? [])) this.problemFound()
    return result
  }
}
