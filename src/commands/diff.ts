import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import type {DiffReport} from '../core/diff/diff-report.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {createStyle} from '../output/style.js'

const KUBECTL = 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields'

export default class Diff extends BaseCommand {
  static description = [
    'Compares the aws-node DaemonSet with the upstream manifest of the VPC CNI release it runs, and tells for every difference ' +
      'who owns the field (metadata.managedFields) and what the EKS managed add-on will do to it: reverted (EKS puts it back within ' +
      '15 minutes), conflict (owned by EKS and someone else: update-addon fails unless --resolve-conflicts OVERWRITE or PRESERVE), ' +
      'preserved (not managed by EKS), informational (self-managed install).',
    'Without managedFields in the input, ownership is inferred from the documented EKS-managed fields. It also lints the ' +
      'settings (unknown variables, wrong value types, known bad combinations) and prints the configurationValues that make ' +
      'the changes permanent.',
    `Reads a file or standard input for now: ${KUBECTL} | vpccni diff -f -`,
    `Exit codes:\n${EXIT_CODES_HELP}\nExit 1 means a change would be reverted by EKS or conflicts with it.`,
  ].join('\n\n')
  static examples = [
    {command: `${KUBECTL} | <%= config.bin %> diff -f -`, description: 'The running DaemonSet, from kubectl'},
    {command: '<%= config.bin %> diff -f aws-node.yaml --configmap amazon-vpc-cni.yaml', description: 'With the ConfigMap, to check network policy settings'},
    {command: '<%= config.bin %> diff -f aws-node.json --json', description: 'As JSON, for CI'},
  ]
  static flags = {
    configmap: Flags.string({description: 'The amazon-vpc-cni ConfigMap (YAML or JSON), to check the network policy settings.'}),
    filename: Flags.string({
      char: 'f',
      description: `The aws-node DaemonSet as YAML or JSON (a List too), or - for standard input: ${KUBECTL}`,
    }),
    'self-managed': Flags.boolean({
      default: false,
      description: 'The CNI is installed without the EKS add-on (for input without managedFields): every change is informational.',
    }),
  }
  static summary = 'The aws-node DaemonSet against what the EKS managed add-on owns: what EKS will revert, keep or fight over.'

  async run(): Promise<DiffReport> {
    const {flags} = await this.parse(Diff)
    if (!flags.filename) {
      throw new UserError('-f is needed for now: reading the live cluster is not available yet', {hint: `${KUBECTL} | vpccni diff -f -`})
    }

    // Loaded here, not at the top: the YAML parser and the manifest data would slow every other command's start.
    const [{readKubeDocuments}, {selectDiffInput}, {buildDiffReport}, {DIFF_REFERENCE_DATA}, {renderDiff}] = await Promise.all([
      import('../sources/files/read-kube-documents.js'),
      import('../core/diff/select-diff-input.js'),
      import('../core/diff/build-diff-report.js'),
      import('../data/diff-reference.js'),
      import('../output/diff-view.js'),
    ])
    const source = flags.filename === '-' ? 'standard input' : flags.filename
    const input = selectDiffInput(await readKubeDocuments(flags.filename), source)
    if (flags.configmap) {
      const configMap = (await readKubeDocuments(flags.configmap)).find((doc) => (doc as {kind?: string})?.kind === 'ConfigMap')
      if (!configMap) throw new UserError(`${flags.configmap} holds no ConfigMap`, {hint: 'kubectl get cm amazon-vpc-cni -n kube-system -o yaml'})
      input.configMap = configMap as Record<string, unknown>
    }

    if (flags['self-managed']) input.addon = {basis: '--self-managed', managed: false}
    const report = buildDiffReport(input, DIFF_REFERENCE_DATA)
    for (const warning of report.warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) this.log(renderDiff(report, await createStyle(this.useColor(flags))))
    if (report.summary.reverted > 0 || report.summary.conflict > 0) this.problemFound()
    return report
  }
}
