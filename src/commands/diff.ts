import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import type {DiffInput, DiffReport, KubeObject} from '../core/diff/diff-report.js'
import {UserError} from '../errors.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {liveFlags} from '../live-flags.js'
import {createStyle} from '../output/style.js'
import {withClusterSource} from '../sources/with-cluster-source.js'

const KUBECTL = 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields'
const CONFIG_MAP_HINT = 'kubectl get cm amazon-vpc-cni -n kube-system -o yaml'

export default class Diff extends BaseCommand {
  static description = [
    'Compares the aws-node DaemonSet with the DaemonSet its VPC CNI release shipped (embedded for every release tag v1.3.3 to ' +
      'v1.23.0; a newer release is compared with the newest in its own images, with a warning), and tells for every difference who owns the field (metadata.managedFields) and what EKS\'s next apply of the ' +
      'add-on (an update-addon, or its periodic reconcile where it runs) does to it. Values of effect (--json: changes[].effect, beside ' +
      'owner and managers, who owns the field, and conflict, the path as EKS\'s conflict errors print it):',
    [
      '- contested: EKS declares the field, a user owns it, the values differ. --resolve-conflicts OVERWRITE puts EKS\'s ' +
        'value back, NONE fails with a conflict on that path (printed as EKS prints it), PRESERVE keeps yours.',
      '- restored: EKS declares it and it was removed, or nobody holds its value: EKS puts it back, whatever the mode.',
      '- undetermined: EKS applied a value of its own: kept if the configurationValues set it, else restored; the input cannot tell. ' +
        'Without managedFields: a differing value the release sets, a user\'s edit (contested) or EKS\'s from configurationValues.',
      '- configured: the add-on configurationValues set it (EKS applied it, or they agree with a user\'s value): not drift.',
      '- preserved: EKS does not declare it (or it is a warm-pool variable EKS leaves alone): kept.',
      '- informational: a self-managed install: nothing reconciles it.',
    ].join('\n'),
    'Without managedFields in the input, ownership is inferred: EKS intends every field the release\'s DaemonSet sets but the ' +
      'warm-pool variables. It also lints the ' +
      'settings (unknown variables, wrong value types, known bad combinations) and prints the configurationValues that make ' +
      'the changes permanent: update-addon replaces the whole configuration, so they start from the add-on\'s own (live) and ' +
      'carry the undetermined values EKS applied itself; from a file it says to merge the current ones in first.',
    'Without -f the cluster is read (the kubeconfig context, or a snapshot with --from-dir): the aws-node DaemonSet as served, ' +
      'with managedFields, the amazon-vpc-cni ConfigMap, the ENIConfigs, EKS DescribeAddon (managed or not, and its ' +
      'configurationValues; without EKS access the managedFields tell) and EKS DescribeAddonConfiguration (the keys that ' +
      'add-on version accepts, else an embedded schema). No aws-node DaemonSet in kube-system: exit 3.',
    `-f reads a file or standard input instead: ${KUBECTL} | vpccni diff -f -`,
    `Exit codes:\n${EXIT_CODES_HELP}\nExit 1 means a change is contested or restored, or a setting is an error (ipamd refuses it).`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> diff', description: 'The cluster of the current kubeconfig context'},
    {command: `${KUBECTL} | <%= config.bin %> diff -f -`, description: 'The running DaemonSet, from kubectl'},
    {command: '<%= config.bin %> diff -f aws-node.yaml --configmap amazon-vpc-cni.yaml', description: 'With the ConfigMap, to check network policy settings'},
    {command: '<%= config.bin %> diff -f aws-node.json --json', description: 'As JSON, for CI'},
  ]
  static flags = {
    ...liveFlags,
    configmap: Flags.string({description: 'The amazon-vpc-cni ConfigMap (YAML or JSON), to check the network policy settings.'}),
    filename: Flags.string({
      char: 'f',
      // Two inputs for one comparison: which one the user meant is a guess, so neither is used.
      exclusive: ['from-dir'],
      description: `The aws-node DaemonSet as YAML or JSON (a List too), or - for standard input, instead of the cluster: ${KUBECTL}`,
    }),
    'self-managed': Flags.boolean({
      default: false,
      description: 'The CNI is installed without the EKS add-on (for input without managedFields, or over EKS\'s answer): every change is informational.',
    }),
  }
  static summary = 'The aws-node DaemonSet against its release, by ownership: what EKS will contest, restore or keep.'

  async run(): Promise<DiffReport> {
    const {flags} = await this.parse(Diff)
    // Loaded here, not at the top: the YAML parser and the manifest data would slow every other command's start.
    const [{buildDiffReport, diffFindsProblem}, {DIFF_REFERENCE_DATA}, {renderDiff}] = await Promise.all([
      import('../core/diff/build-diff-report.js'),
      import('../data/diff-reference.js'),
      import('../output/diff-view.js'),
    ])
    const {input, notes} = flags.filename ? await this.readFiles(flags.filename) : await this.readCluster(flags)
    if (flags.configmap) input.configMap = await this.readConfigMap(flags.configmap)
    if (flags['self-managed']) input.addon = {basis: '--self-managed', managed: false}
    const report = buildDiffReport(input, DIFF_REFERENCE_DATA)
    const warnings = [...notes, ...report.warnings]
    for (const warning of warnings) this.warnLine(warning)
    if (!this.jsonEnabled()) this.log(renderDiff(report, await createStyle(this.useColor(flags)), this.outputWidth))
    if (diffFindsProblem(report)) this.problemFound()
    return {...report, warnings}
  }

  private async readCluster(flags: Parameters<typeof withClusterSource>[0]): Promise<{input: DiffInput; notes: string[]}> {
    const {gatherDiffInput} = await import('../sources/diff/gather-diff-input.js')
    return withClusterSource(flags, (source) => gatherDiffInput(source), 'kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields | vpccni diff -f -')
  }

  private async readConfigMap(file: string): Promise<KubeObject> {
    const {readKubeDocuments} = await import('../sources/files/read-kube-documents.js')
    const configMap = (await readKubeDocuments(file, process.stdin, CONFIG_MAP_HINT)).find((doc) => (doc as {kind?: string})?.kind === 'ConfigMap')
    if (!configMap) throw new UserError(`${file} holds no ConfigMap`, {hint: CONFIG_MAP_HINT})
    return configMap as KubeObject
  }

  private async readFiles(file: string): Promise<{input: DiffInput; notes: string[]}> {
    const [{readKubeDocuments}, {selectDiffInput}] = await Promise.all([
      import('../sources/files/read-kube-documents.js'),
      import('../core/diff/select-diff-input.js'),
    ])
    return {input: selectDiffInput(await readKubeDocuments(file, process.stdin, `pipe in ${KUBECTL}`), file === '-' ? 'standard input' : file), notes: []}
  }
}
