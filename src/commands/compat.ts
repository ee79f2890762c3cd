import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {checkTypedVersions} from '../core/compat/check-typed-versions.js'
import {type CompatReport, evaluateCompat} from '../core/compat/evaluate-compat.js'
import {RELEASE_SUMMARY} from '../data/release-summary.generated.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {renderCompat, renderCompatWarning} from '../output/compat-view.js'
import {createStyle} from '../output/style.js'
import type {FactSource} from '../core/compat/fact-sources.js'
import {renderFactSources} from '../output/fact-sources-view.js'
import {factsFromFlags, gatherCniFacts} from '../sources/compat/gather-cni-facts.js'
import {withClusterSource} from '../sources/with-cluster-source.js'
import {liveFlags} from '../live-flags.js'

export default class Compat extends BaseCommand {
  static description = [
    'Incompatible (exit 1) when the CNI is below the oldest version recommended for that Kubernetes version, or in a release range known ' +
      'to break it (v1.16.0–v1.16.1 on Kubernetes 1.23 or older; below v1.12.0 on 1.26 or newer). Compatible otherwise, with warnings on ' +
      'stderr when it is below the EKS-recommended add-on, on a release with a known regression, or when the Kubernetes version is newer ' +
      'than the minimum table (the newest known minimum then applies). Unknown (exit 1) when the Kubernetes version is outside what the ' +
      'data covers. A CNI newer than the newest known release is judged against the floors, with a warning. Every reason names its rule and source.',
    `Embedded release data: ${RELEASE_SUMMARY.oldest} to ${RELEASE_SUMMARY.newest}, generated ${RELEASE_SUMMARY.generatedAt}.`,
    'Live mode: a version flag left out is read from the cluster (the kubeconfig context, or a snapshot with --from-dir): the CNI ' +
      'version from the aws-node image tag, the Kubernetes version from the API server, and the install kind from EKS DescribeAddon ' +
      '(managed add-on, self-managed when EKS has no vpc-cni add-on, unknown with a note when EKS cannot be asked). Flags win over ' +
      'the cluster; the output says where each fact came from. No aws-node DaemonSet in kube-system: exit 3.',
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> compat --cni-version v1.12.0 --kubernetes-version 1.26', description: 'Compatible, with a warning: below the EKS-recommended add-on'},
    {command: '<%= config.bin %> compat --cni-version v1.11.4 --kubernetes-version 1.26', description: 'Incompatible: exit 1'},
    {command: '<%= config.bin %> compat', description: 'Both versions and the install kind read from the current kubeconfig context'},
    {command: '<%= config.bin %> compat --context prod --kubernetes-version 1.33', description: 'Before a control-plane upgrade: the running CNI against 1.33'},
    {command: '<%= config.bin %> compat --cni-version v1.21.1-eksbuild.8 --kubernetes-version v1.36.2-eks-1a2b3c4 --json', description: 'Add-on and server version strings are accepted'},
  ]
  static flags = {
    ...liveFlags,
    'cni-version': Flags.string({description: 'VPC CNI version: v1.19.2, 1.19.2 or an add-on version such as v1.21.1-eksbuild.8 (else the aws-node image tag).'}),
    install: Flags.string({description: 'How the CNI is installed (else EKS DescribeAddon when the cluster is read).', options: ['managed', 'self-managed']}),
    'kubernetes-version': Flags.string({description: 'Kubernetes version of the control plane: 1.30 or v1.30.4-eks-a737599 (else the API server\'s).'}),
  }
  static summary = 'Is this VPC CNI version compatible with this Kubernetes version?'

  async run(): Promise<CompatReport & {sources: FactSource[]}> {
    const {flags} = await this.parse(Compat)
    // Loaded here, not at start-up: the release table is large and only compat and upgrade-plan read it.
    const {CNI_RELEASE_DATA} = await import('../data/cni-releases.generated.js')
    const factFlags = {cniFlag: '--cni-version', cniVersion: flags['cni-version'], install: flags.install, kubernetesVersion: flags['kubernetes-version']}
    checkTypedVersions([{allowNewer: true, value: factFlags.cniVersion, what: 'CNI'}], [factFlags.kubernetesVersion], CNI_RELEASE_DATA)
    const live = factFlags.cniVersion === undefined || factFlags.kubernetesVersion === undefined
    const {facts, notes, sources} = live ? await withClusterSource(flags, (source) => gatherCniFacts(factFlags, source), 'vpccni compat --cni-version vX.Y.Z --kubernetes-version 1.NN') : factsFromFlags(factFlags)
    const report = evaluateCompat({...facts, kubernetesVersion: facts.kubernetesVersion as string}, CNI_RELEASE_DATA)
    for (const note of notes) this.warnLine(note)
    for (const reason of report.reasons.filter((r) => r.severity === 'warning')) this.warnLine(renderCompatWarning(reason))
    if (!this.jsonEnabled()) {
      const style = await createStyle(this.useColor(flags))
      this.log([renderCompat(report, style, this.outputWidth), ...renderFactSources(sources, style, '  ', this.outputWidth)].join('\n'))
    }

    if (!report.compatible) this.problemFound()
    return {...report, sources, warnings: [...notes, ...report.warnings]}
  }
}
