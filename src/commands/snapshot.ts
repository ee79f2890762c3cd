import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {SourceError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {liveFlags} from '../live-flags.js'
import {renderSnapshotSummary} from '../output/snapshot-view.js'
import {createStyle} from '../output/style.js'
import type {SnapshotIndex} from '../sources/snapshot/snapshot-format.js'
import {summarizeSnapshot} from '../sources/snapshot/snapshot-summary.js'
import {checkSnapshotDir, writeSnapshot} from '../sources/snapshot/write-snapshot.js'

const {'from-dir': _fromDir, ...sourceFlags} = liveFlags

export default class Snapshot extends BaseCommand {
  static description = [
    'Reads everything the live commands read (server version, the aws-node DaemonSet with managedFields, the amazon-vpc-cni ConfigMap, ' +
      'nodes, pods, ENIConfigs, pod sandbox failures, the nodes\' EC2 instances and ENIs, their subnets, and the EKS cluster and vpc-cni add-on) ' +
      'and writes one JSON file per call and an index.json to DIR. Every live command runs on it offline with --from-dir DIR.',
    'Tokens, credentials and Secrets are never read or written: the kubeconfig user entry and certificates stay out, and so does the environment.',
    'A call that fails is recorded and the rest go on: a warning per failed call on stderr, exit 0 when anything was captured, 3 when nothing was.',
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> snapshot -o ticket-1234 && tar czf ticket-1234.tgz ticket-1234', description: 'Capture a cluster for a support ticket'},
    {command: '<%= config.bin %> diff --from-dir ticket-1234', description: 'Run a live command on the snapshot instead of the network'},
    {command: '<%= config.bin %> snapshot -o snap --context prod --region eu-west-1 --json', description: 'Print the index as JSON'},
  ]
  static flags = {
    ...sourceFlags,
    force: Flags.boolean({default: false, description: 'Write into DIR even when it is not empty.'}),
    output: Flags.string({char: 'o', description: 'Folder to write the snapshot to (created when missing; must be empty).', required: true}),
  }
  static summary = 'Capture what the live commands read into a folder, to share or to run them offline.'

  async run(): Promise<SnapshotIndex> {
    const {flags} = await this.parse(Snapshot)
    checkSnapshotDir(flags.output, flags.force)
    // Loaded on use, like every live command's sources: they pull in node:https and node:zlib.
    const [{createLiveClusterSource}, {captureSnapshot}] = await Promise.all([
      import('../sources/live-cluster-source.js'),
      import('../sources/snapshot/capture-snapshot.js'),
    ])
    const source = createLiveClusterSource(flags)
    const snapshot = await captureSnapshot(source, {takenAt: new Date().toISOString(), vpccniVersion: this.config.version}).finally(() =>
      source.close(),
    )
    const summary = summarizeSnapshot(snapshot.index)
    if (summary.captured.length === 0) {
      // One line: every call failed for the same reason (no kubeconfig, no credentials), listing them all says nothing more.
      const first = summary.failed[0]?.error
      throw new SourceError('snapshot', `nothing could be read from the cluster or the AWS account (${first?.message ?? 'no call answered'})`, {
        hint: first?.hint ?? undefined,
      })
    }

    for (const {error} of summary.failed) this.warnLine(`not captured: ${error.message}`)

    writeSnapshot(flags.output, snapshot)
    if (!this.jsonEnabled()) {
      process.stdout.write(renderSnapshotSummary(flags.output, snapshot.index, summary, await createStyle(this.useColor(flags))))
    }

    return snapshot.index
  }
}
