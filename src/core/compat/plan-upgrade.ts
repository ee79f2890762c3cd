import {UserError} from '../../errors.js'
import {compareCniVersions, isAtLeast, parseCniVersion} from '../cni-version.js'
import type {ClusterCniFacts} from './cluster-cni-facts.js'
import {describeHorizonPlace, placeOnHorizon} from '../release-horizon.js'
import {findRelease, knownVersions, nearestKnownVersions, resolveCniVersion} from './find-release.js'
import {kubernetesCoverage, recommendedAddonFor} from './kubernetes-tables.js'
import {evaluateCompat} from './evaluate-compat.js'
import {compareKubernetesVersions, type KubernetesVersion, parseKubernetesVersion} from './kubernetes-version.js'
import {placeClusterUpgrade} from './place-cluster-upgrade.js'
import {planPath} from './plan-path.js'
import {describeRegression, regressionsFor} from './regressions.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'
import {stepCommands} from './step-commands.js'
import {collectStepNotes} from './step-notes.js'
import type {ClusterUpgrade, UpgradePlan, UpgradeStep} from './upgrade-plan-types.js'

export interface UpgradeRequest extends ClusterCniFacts {
  cluster?: string
  kubernetesTarget?: string
  region?: string
  to?: string
}

/**
 * The cluster may already run a CNI that compat calls incompatible with its own Kubernetes version (below the minimum,
 * or a release that crashes there): that is urgent, and said before anything else.
 */
function urgentNow(from: CniRelease, knowledge: ReleaseKnowledge, current?: KubernetesVersion): string[] {
  if (!current) return []
  const broken = evaluateCompat({cniVersion: from.version, kubernetesVersion: current.text}, knowledge).reasons.find((r) => r.severity === 'error')
  return broken ? [`urgent: ${from.version} does not work on Kubernetes ${current.text} now (${broken.message}): upgrade the CNI first`] : []
}

interface Target {
  release: CniRelease
  warnings: string[]
}

/** `--to`, else the EKS-recommended add-on for the Kubernetes version the cluster is heading to (or runs). */
function chooseTarget(request: UpgradeRequest, knowledge: ReleaseKnowledge, kubernetes?: KubernetesVersion): Target {
  if (request.to) return {release: resolveCniVersion(request.to, knowledge, {allowNewer: false, what: 'target CNI'}).release as CniRelease, warnings: []}
  if (!kubernetes) throw new UserError('pass --to or --kubernetes-version: the target depends on the Kubernetes version')
  const recommended = recommendedAddonFor(kubernetes, knowledge)
  const release = recommended.value ? findRelease(parseCniVersion(recommended.value), knowledge) : undefined
  if (!release) {
    throw new UserError(`no EKS-recommended CNI is known for Kubernetes ${kubernetes.text}: pass --to`, {
      hint: `vpccni's tables cover Kubernetes ${kubernetesCoverage(knowledge).text}`,
    })
  }

  const warnings =
    recommended.position === 'newer'
      ? [`Kubernetes ${kubernetes.text} is newer than the recommended table (${recommended.covers}): its newest recommendation, ${recommended.value}, is the target`]
      : []
  return {release, warnings}
}

function checkOrder(from: CniRelease, to: CniRelease, knowledge: ReleaseKnowledge): void {
  const start = parseCniVersion(from.version)
  if (compareCniVersions(parseCniVersion(to.version), start) >= 0) return
  const options = nearestKnownVersions(start, knowledge).filter((v) => compareCniVersions(parseCniVersion(v), start) > 0)
  throw new UserError(`target ${to.version} is older than the current ${from.version}: vpccni plans upgrades only`, {
    hint: options.length > 0 ? `pass --to ${options[0]} or later` : `${from.version} is the newest release known`,
    suggestions: options,
  })
}

function appliedRules(plan: {from: CniRelease; request: UpgradeRequest; to: CniRelease}, target?: KubernetesVersion): string[] {
  const from = parseCniVersion(plan.from.version)
  const to = parseCniVersion(plan.to.version)
  const ids = ['one-minor-at-a-time', 'no-downtime']
  if (!isAtLeast(from, 'v1.7.0') && isAtLeast(to, 'v1.12.0')) ids.push('min-1.7-before-1.12')
  if (target && !isAtLeast(from, 'v1.8.0')) ids.push('pre-cluster-upgrade-1.8')
  if (target && compareKubernetesVersions(target, parseKubernetesVersion('1.26')) >= 0 && !isAtLeast(from, 'v1.12.0')) ids.push('k8s-1.26-needs-1.12')
  if (target) ids.push('eks-addon-not-auto-updated')
  if (plan.request.installKind === 'self-managed') ids.push('self-managed-match-eks-table')
  return ids
}

/** `--to v1.19.2-eksbuild.3` pins the add-on build of the last step. */
function withPinnedBuild(request: UpgradeRequest): string[] | undefined {
  const pinned = request.to ? parseCniVersion(request.to) : undefined
  if (!pinned?.build) return request.addonVersions
  return [`${pinned.text}-${pinned.build}`, ...(request.addonVersions ?? [])]
}

function buildSteps(path: CniRelease[], clusterUpgrade: ClusterUpgrade | null, request: UpgradeRequest, knowledge: ReleaseKnowledge): UpgradeStep[] {
  const installKind = request.installKind ?? 'managed'
  const finalTarget = parseCniVersion((path.at(-1) as CniRelease).version)
  return path.slice(1).map((to, index) => {
    const from = path[index]
    const upgraded = clusterUpgrade !== null && index >= clusterUpgrade.afterStep
    const kubernetesVersion = (upgraded ? request.kubernetesTarget : request.kubernetesVersion) ?? null
    const kubernetes = kubernetesVersion ? parseKubernetesVersion(kubernetesVersion) : undefined
    const context = {addonVersions: request.addonVersions, cluster: request.cluster ?? '<cluster>', installKind, kubernetesVersion: kubernetes?.text, region: request.region}
    return {
      commands: stepCommands(from, to, knowledge, context),
      from: from.version,
      kubernetesVersion: kubernetes?.text ?? null,
      notes: collectStepNotes(from, to, knowledge, {finalTarget, kubernetes}),
      to: to.version,
    }
  })
}

/** A running CNI newer than the data: enough to say there is nothing to plan towards an older default target. */
function unknownRelease(version: string): CniRelease {
  return {containers: [], date: '', highlights: [], initContainers: [], manifestPath: '', networkPolicyAgent: null, notes: [], probeAddr: null, version}
}

/**
 * A safe, ordered upgrade plan from the cluster's CNI to the target, with the control-plane upgrade placed where it fits.
 * A target the user named must not be older than the CNI (bad input); the default target (the EKS recommendation) may
 * be: clusters often run newer, and then there is nothing to do.
 */
export function planUpgrade(request: UpgradeRequest, knowledge: ReleaseKnowledge): UpgradePlan {
  const resolved = resolveCniVersion(request.cniVersion, knowledge, {allowNewer: request.to === undefined, what: 'current CNI'})
  const from = resolved.release ?? unknownRelease(resolved.version.text)
  const beyondData = resolved.release ? [] : [describeHorizonPlace(resolved.version, placeOnHorizon(resolved.version, knownVersions(knowledge)))]
  const current = request.kubernetesVersion ? parseKubernetesVersion(request.kubernetesVersion) : undefined
  const target = request.kubernetesTarget ? parseKubernetesVersion(request.kubernetesTarget) : undefined
  if (current && target && compareKubernetesVersions(target, current) <= 0) {
    throw new UserError(`--kubernetes-target ${target.text} is not newer than --kubernetes-version ${current.text}`, {
      hint: `e.g. --kubernetes-target 1.${current.minor + 1}`,
    })
  }

  const chosen = chooseTarget(request, knowledge, target ?? current)
  const alreadyThere = request.to === undefined && compareCniVersions(parseCniVersion(from.version), parseCniVersion(chosen.release.version)) >= 0
  const to = alreadyThere ? from : chosen.release
  if (!alreadyThere) checkOrder(from, to, knowledge)
  const path = alreadyThere ? [from] : [from, ...planPath(from, to, knowledge, current ?? target)]
  const clusterUpgrade = target ? placeClusterUpgrade(path, {current, target}, knowledge, request.cluster ?? '<cluster>') : null
  const regressed = regressionsFor(parseCniVersion(to.version), knowledge, current ?? target)
  const ruleIds = appliedRules({from, request, to}, target)
  const normalized = {...request, addonVersions: withPinnedBuild(request), kubernetesTarget: target?.text, kubernetesVersion: current?.text}
  const endsOn = target ?? current
  const verdict = endsOn ? evaluateCompat({cniVersion: to.version, kubernetesVersion: endsOn.text}, knowledge) : undefined
  const broken = verdict?.reasons.filter((r) => r.severity === 'error').map((r) => `the target ${to.version} does not work on Kubernetes ${endsOn?.text}: ${r.message}`) ?? []
  return {
    clusterUpgrade,
    dataGeneratedAt: knowledge.generatedAt,
    from: from.version,
    installKind: request.installKind ?? 'managed',
    installKindAssumed: request.installKind === undefined,
    kubernetesTarget: target?.text ?? null,
    kubernetesVersion: current?.text ?? null,
    rules: knowledge.rules.filter((r) => ruleIds.includes(r.id)),
    schemaVersion: 1,
    steps: buildSteps(path, clusterUpgrade, normalized, knowledge),
    targetCompatible: verdict && verdict.verdict !== 'unknown' ? verdict.compatible : null,
    to: to.version,
    warnings: [
      ...beyondData,
      ...urgentNow(from, knowledge, current),
      ...chosen.warnings,
      ...(alreadyThere
        ? [`${from.version} is already at or above ${chosen.release.version}, the EKS-recommended add-on: nothing to upgrade (pass --to for a newer release)`]
        : []),
      ...regressed.map((r) => `${alreadyThere ? 'the running version' : 'the target'} has a known regression: ${describeRegression(r)}`),
      ...broken,
    ],
  }
}
