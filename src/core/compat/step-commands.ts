import {isAtLeast, parseCniVersion} from '../cni-version.js'
import type {InstallKind} from './cluster-cni-facts.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'
import type {PlanCommand} from './upgrade-plan-types.js'

export interface CommandContext {
  /** vpc-cni add-on versions EKS offers (from DescribeAddonVersions), when known. */
  addonVersions?: string[]
  cluster: string
  installKind: InstallKind
  /** The control plane's version during the step, for DescribeAddonVersions. */
  kubernetesVersion?: string
  region?: string
}

const REPOSITORY_RAW = 'https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s'
const ROLLOUT: PlanCommand = {command: 'kubectl rollout status ds/aws-node -n kube-system', purpose: 'wait until every aws-node pod runs the new version'}

/**
 * The add-on name for a release, e.g. `v1.21.1-eksbuild.8`: the newest build among those offered (the user's pin or
 * DescribeAddonVersions) when any matches, else the newest the embedded EKS tables name.
 */
export function knownAddonVersion(version: string, knowledge: ReleaseKnowledge, offered: string[] = []): string | undefined {
  const tables = [knowledge.eksRecommended.table, ...knowledge.eksDocSnapshots.map((s) => s.table)]
  const build = (name: string): number => Number(parseCniVersion(name).build?.split('.')[1] ?? 0)
  const newest = (names: string[]) => names.filter((n) => n.startsWith(`${version}-eksbuild.`)).sort((a, b) => build(b) - build(a))[0]
  return newest(offered) ?? newest(tables.flatMap((t) => Object.values(t)))
}

function backup(from: string): PlanCommand {
  return {command: `kubectl get ds aws-node -n kube-system -o yaml > aws-node-backup-${from}.yaml`, purpose: 'back up the aws-node DaemonSet'}
}

function managedCommands(from: CniRelease, to: CniRelease, knowledge: ReleaseKnowledge, context: CommandContext): PlanCommand[] {
  const known = knownAddonVersion(to.version, knowledge, context.addonVersions)
  const lookUp: PlanCommand[] = known
    ? []
    : [
        {
          command: `aws eks describe-addon-versions --addon-name vpc-cni --kubernetes-version ${context.kubernetesVersion ?? '<kubernetes-version>'} --query "addons[].addonVersions[?starts_with(addonVersion, '${to.version}-')].addonVersion" --output text`,
          purpose: `look up the eksbuild name of ${to.version} (not in the embedded data)`,
        },
      ]
  const addonVersion = known ?? `${to.version}-eksbuild.<N>`
  return [
    backup(from.version),
    ...lookUp,
    {
      command: `aws eks update-addon --cluster-name ${context.cluster} --addon-name vpc-cni --addon-version ${addonVersion} --resolve-conflicts PRESERVE`,
      purpose: 'update the managed add-on, keeping your configuration values',
    },
    {command: `aws eks describe-addon --cluster-name ${context.cluster} --addon-name vpc-cni --query addon.status --output text`, purpose: 'wait for ACTIVE'},
    ROLLOUT,
  ]
}

/** The release manifest for the region: China and GovCloud have their own image registries (per-region files since v1.7.0). */
export function manifestUrl(release: CniRelease, region?: string): string {
  const variant = !region || !isAtLeast(parseCniVersion(release.version), 'v1.7.0')
    ? ''
    : region.startsWith('cn-') ? '-cn' : region.startsWith('us-gov-') ? `-${region}` : ''
  return `${REPOSITORY_RAW}/${release.version}/${release.manifestPath.replace(/\.yaml$/, `${variant}.yaml`)}`
}

function selfManagedCommands(from: CniRelease, to: CniRelease, context: CommandContext): PlanCommand[] {
  return [
    backup(from.version),
    {command: `kubectl apply -f ${manifestUrl(to, context.region)}`, purpose: `apply the ${to.version} release manifest`},
    {
      command: 'kubectl set env ds/aws-node -n kube-system <NAME>=<VALUE> ...',
      purpose: `re-apply the custom env settings recorded in aws-node-backup-${from.version}.yaml (the manifest resets them)`,
    },
    ROLLOUT,
  ]
}

/** The commands of one step for the install kind; vpccni prints them and never runs them. */
export function stepCommands(from: CniRelease, to: CniRelease, knowledge: ReleaseKnowledge, context: CommandContext): PlanCommand[] {
  return context.installKind === 'managed' ? managedCommands(from, to, knowledge, context) : selfManagedCommands(from, to, context)
}
