import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {type CompatReport, evaluateCompat} from '../core/compat/evaluate-compat.js'
import {CNI_RELEASE_DATA} from '../data/cni-releases.generated.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {renderCompat, renderCompatWarning} from '../output/compat-view.js'
import {createStyle} from '../output/style.js'
import {cniFactsFromFlags} from '../sources/compat/cni-facts-from-flags.js'

export default class Compat extends BaseCommand {
  static description = [
    'Incompatible (exit 1) when the CNI is below the oldest version recommended for that Kubernetes version, or in a release range known ' +
      'to break it (v1.16.0–v1.16.1 on Kubernetes 1.23 or older; below v1.12.0 on 1.26 or newer). Compatible otherwise, with warnings on ' +
      'stderr when it is below the EKS-recommended add-on, on a release with a known regression, or when the Kubernetes version is newer ' +
      'than the data (the newest known minimum then applies). Every reason names its rule and source.',
    `Embedded release data: ${CNI_RELEASE_DATA.releases[0].version} to ${CNI_RELEASE_DATA.releases.at(-1)?.version}, generated ${CNI_RELEASE_DATA.generatedAt}.`,
    'Reading the versions from a live cluster is not available yet: pass both flags.',
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> compat --cni-version v1.12.0 --kubernetes-version 1.26', description: 'Compatible, with a warning: below the EKS-recommended add-on'},
    {command: '<%= config.bin %> compat --cni-version v1.11.4 --kubernetes-version 1.26', description: 'Incompatible: exit 1'},
    {command: '<%= config.bin %> compat --cni-version v1.21.1-eksbuild.8 --kubernetes-version v1.36.2-eks-1a2b3c4 --json', description: 'Add-on and server version strings are accepted'},
  ]
  static flags = {
    'cni-version': Flags.string({description: 'VPC CNI version: v1.19.2, 1.19.2 or an add-on version such as v1.21.1-eksbuild.8.'}),
    install: Flags.string({description: 'How the CNI is installed (recorded in the report).', options: ['managed', 'self-managed']}),
    'kubernetes-version': Flags.string({description: 'Kubernetes version of the control plane: 1.30 or v1.30.4-eks-a737599.'}),
  }
  static summary = 'Is this VPC CNI version compatible with this Kubernetes version?'

  async run(): Promise<CompatReport> {
    const {flags} = await this.parse(Compat)
    const facts = cniFactsFromFlags(
      {cniFlag: '--cni-version', cniVersion: flags['cni-version'], install: flags.install, kubernetesVersion: flags['kubernetes-version']},
      {kubernetes: true},
    )
    const report = evaluateCompat({...facts, kubernetesVersion: facts.kubernetesVersion as string}, CNI_RELEASE_DATA)
    for (const reason of report.reasons.filter((r) => r.severity === 'warning')) this.warnLine(renderCompatWarning(reason))
    if (!this.jsonEnabled()) this.log(renderCompat(report, await createStyle(this.useColor(flags))))
    if (!report.compatible) this.problemFound()
    return report
  }
}
