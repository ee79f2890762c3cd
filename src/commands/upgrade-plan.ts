import * as Flags from '@oclif/core/flags'

import {BaseCommand} from '../base-command.js'
import {checkTypedVersions} from '../core/compat/check-typed-versions.js'
import {planUpgrade} from '../core/compat/plan-upgrade.js'
import type {UpgradePlan} from '../core/compat/upgrade-plan-types.js'
import {RELEASE_SUMMARY} from '../data/release-summary.generated.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {createStyle} from '../output/style.js'
import {renderUpgradePlanMarkdown} from '../output/upgrade-plan-markdown.js'
import {renderUpgradePlan} from '../output/upgrade-plan-view.js'
import {renderFactSources} from '../output/fact-sources-view.js'
import type {FactSource} from '../core/compat/fact-sources.js'
import {liveFlags} from '../live-flags.js'
import {eksClusterOf, factsFromFlags, gatherAddonVersions, gatherCniFacts} from '../sources/compat/gather-cni-facts.js'
import {withClusterSource} from '../sources/with-cluster-source.js'

export default class UpgradePlanCommand extends BaseCommand {
  static description = [
    'Path rules: below v1.7.0, v1.7.x comes before anything from v1.12.0; then one minor version at a time, each intermediate hop the ' +
      'latest patch of its minor (passing over patches with a known regression when a later one exists); the last hop is the target. ' +
      '--to defaults to the EKS-recommended add-on for the Kubernetes version (--kubernetes-target, else --kubernetes-version).',
    'With --kubernetes-target the plan says where the control-plane upgrade fits: after the CNI reaches the minimum for the target ' +
      '(a CNI below v1.8.0 is updated all the way first).',
    'Each step lists features switched on, IAM permissions, containers added, probe changes and regressions to watch, and the commands ' +
      'for the install kind (--install, default managed). vpccni runs none of them.',
    `Embedded release data: ${RELEASE_SUMMARY.oldest} to ${RELEASE_SUMMARY.newest}, generated ${RELEASE_SUMMARY.generatedAt}. ` +
      'Live mode: without --from (or without --kubernetes-version, --kubernetes-target and --to) the cluster is read: the CNI version ' +
      'from the aws-node image tag, the Kubernetes version from the API server, the install kind from EKS DescribeAddon, the EKS ' +
      'cluster name and region from the kubeconfig context, and the add-on build names (vX.Y.Z-eksbuild.N) the cluster is offered ' +
      'from EKS DescribeAddonVersions. Flags win over the cluster; the plan says where each fact came from. --from-dir reads a snapshot.',
    `Exit codes:\n${EXIT_CODES_HELP}`,
  ].join('\n\n')
  static examples = [
    {command: '<%= config.bin %> upgrade-plan --from v1.6.3 --to v1.21.1', description: 'Every hop, one minor at a time'},
    {command: '<%= config.bin %> upgrade-plan --from v1.11.4 --kubernetes-version 1.25 --kubernetes-target 1.26', description: 'Where the control-plane upgrade fits'},
    {command: '<%= config.bin %> upgrade-plan --kubernetes-target 1.33', description: 'From what the current kubeconfig context runs, ready for Kubernetes 1.33'},
    {command: '<%= config.bin %> upgrade-plan --from v1.19.2 --kubernetes-version 1.31 --install self-managed --format markdown > runbook.md', description: 'A runbook for a change ticket'},
  ]
  static flags = {
    ...liveFlags,
    format: Flags.string({default: 'plain', description: 'Plain numbered plan, or a Markdown runbook.', options: ['plain', 'markdown']}),
    from: Flags.string({description: 'The VPC CNI version running now: v1.19.2, 1.19.2 or v1.19.2-eksbuild.1.'}),
    install: Flags.string({description: 'How the CNI is installed; commands follow it (default managed, said in the plan).', options: ['managed', 'self-managed']}),
    'kubernetes-target': Flags.string({description: 'The Kubernetes version the control plane is about to move to.'}),
    'kubernetes-version': Flags.string({description: 'The Kubernetes version of the control plane now: 1.30 or v1.30.4-eks-a737599.'}),
    to: Flags.string({description: 'The target VPC CNI version (default: the EKS-recommended add-on for the Kubernetes version).'}),
  }
  static summary = 'A safe, step-by-step VPC CNI upgrade path, with where the control-plane upgrade fits.'

  async run(): Promise<UpgradePlan & {sources: FactSource[]}> {
    const {flags} = await this.parse(UpgradePlanCommand)
    // Loaded here, not at start-up: the release table is large and only compat and upgrade-plan read it.
    const {CNI_RELEASE_DATA} = await import('../data/cni-releases.generated.js')
    const factFlags = {cniFlag: '--from', cniVersion: flags.from, install: flags.install, kubernetesVersion: flags['kubernetes-version']}
    const target = flags['kubernetes-target']
    checkTypedVersions(
      [
        {allowNewer: flags.to === undefined, value: flags.from, what: 'current CNI'},
        {allowNewer: false, value: flags.to, what: 'target CNI'},
      ],
      [flags['kubernetes-version'], target],
      CNI_RELEASE_DATA,
    )
    const live = !flags.from || (!flags['kubernetes-version'] && !target && !flags.to)
    const gathered = live
      ? await withClusterSource(flags, async (source) => {
          const facts = await gatherCniFacts(factFlags, source)
          const withBuilds = await gatherAddonVersions(facts, [facts.facts.kubernetesVersion, target], source)
          return {...withBuilds, ...(await eksClusterOf(source))}
        }, 'vpccni upgrade-plan --from vX.Y.Z --kubernetes-version 1.NN')
      : {...factsFromFlags(factFlags), cluster: null, region: null}
    const request = {
      ...gathered.facts,
      cluster: flags.cluster ?? gathered.cluster ?? undefined,
      kubernetesTarget: target,
      region: flags.region ?? gathered.region ?? undefined,
      to: flags.to,
    }
    const plan = planUpgrade(request, CNI_RELEASE_DATA)
    const warnings = [...gathered.notes, ...plan.warnings]
    for (const warning of warnings) this.warnLine(warning)
    if (plan.targetCompatible === false) this.problemFound()
    if (!this.jsonEnabled()) this.log(await this.render(plan, gathered.sources, flags))
    return {...plan, sources: gathered.sources, warnings}
  }

  private async render(plan: UpgradePlan, sources: FactSource[], flags: {color: boolean; format: string}): Promise<string> {
    if (flags.format === 'markdown') return renderUpgradePlanMarkdown(plan, sources)
    const style = await createStyle(this.useColor(flags))
    return [renderUpgradePlan(plan, style), ...renderFactSources(sources, style, '  ', this.outputWidth)].join('\n')
  }
}
