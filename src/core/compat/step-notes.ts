import {type CniVersion, compareCniVersions, parseCniVersion} from '../cni-version.js'
import {ruleSource} from './compat-reason.js'
import {releasesOfMinor} from './find-release.js'
import type {KubernetesVersion} from './kubernetes-version.js'
import {describeRegression, regressionsFor} from './regressions.js'
import type {CniRelease, ReleaseKnowledge} from './release-knowledge.js'
import type {StepNote} from './upgrade-plan-types.js'

/** True when `version` is in (from, to]: the releases a step crosses. */
function crosses(version: string, from: CniVersion, to: CniVersion): boolean {
  const v = parseCniVersion(version)
  return compareCniVersions(v, from) > 0 && compareCniVersions(v, to) <= 0
}

function containerNotes(from: CniRelease, to: CniRelease): StepNote[] {
  const notes: StepNote[] = []
  for (const name of to.initContainers.filter((c) => !from.initContainers.includes(c))) {
    notes.push({kind: 'container', text: `adds the init container ${name}`})
  }

  for (const name of to.containers.filter((c) => !from.containers.includes(c))) {
    notes.push({kind: 'container', text: `adds the container ${name}${to.networkPolicyAgent ? ` (network policy agent ${to.networkPolicyAgent})` : ''}`})
  }

  if (from.networkPolicyAgent && to.networkPolicyAgent && from.networkPolicyAgent !== to.networkPolicyAgent) {
    notes.push({kind: 'container', text: `network policy agent ${from.networkPolicyAgent} → ${to.networkPolicyAgent}`})
  }

  if (from.probeAddr !== to.probeAddr && to.probeAddr) {
    notes.push({kind: 'probe', text: `aws-node liveness/readiness probes change: ${from.probeAddr ?? 'none'} → ${to.probeAddr}`})
  }

  return notes
}

/** Patches of the target's minor this step passes over because of a known regression, and those of the target itself. */
function regressionNotes(from: CniRelease, to: CniRelease, knowledge: ReleaseKnowledge, kubernetes?: KubernetesVersion): StepNote[] {
  const start = parseCniVersion(from.version)
  const end = parseCniVersion(to.version)
  const notes: StepNote[] = []
  for (const release of releasesOfMinor(end.minor, knowledge)) {
    const version = parseCniVersion(release.version)
    if (compareCniVersions(version, start) <= 0 || compareCniVersions(version, end) > 0) continue
    for (const r of regressionsFor(version, knowledge, kubernetes)) {
      const lead = release.version === to.version ? 'watch: this release has a known regression' : `avoids ${release.version}`
      notes.push({kind: 'regression', source: r.source, text: `${lead}: ${describeRegression(r, {withRange: false})}`})
    }
  }

  return notes
}

/** What a step switches on, needs and changes, and what to watch. */
export function collectStepNotes(
  from: CniRelease,
  to: CniRelease,
  knowledge: ReleaseKnowledge,
  context: {finalTarget: CniVersion; kubernetes?: KubernetesVersion},
): StepNote[] {
  const start = parseCniVersion(from.version)
  const end = parseCniVersion(to.version)
  const notes: StepNote[] = []
  if (start.minor < 7 && end.minor === 7 && compareCniVersions(context.finalTarget, parseCniVersion('v1.12.0')) >= 0) {
    const id = 'min-1.7-before-1.12'
    notes.push({kind: 'rule', source: ruleSource(id, knowledge), text: `${id}: v1.7.x must be running before any step to v1.12.0 or later`})
  }

  for (const f of knowledge.features.filter((f) => crosses(f.since, start, end))) {
    notes.push({kind: 'feature', source: f.source, text: `${f.title} (${f.since}): ${f.note}`})
  }

  for (const c of knowledge.iamChanges.filter((c) => crosses(c.since, start, end))) {
    notes.push({kind: 'iam', source: c.source, text: `${c.permission} (${c.since}): ${c.summary}`})
  }

  return [...notes, ...containerNotes(from, to), ...regressionNotes(from, to, knowledge, context.kubernetes)]
}
