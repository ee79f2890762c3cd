import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {compareCniVersions, parseCniVersion} from '../../../src/core/cni-version.js'
import {parseKubernetesVersion} from '../../../src/core/compat/kubernetes-version.js'
import {planUpgrade, type UpgradeRequest} from '../../../src/core/compat/plan-upgrade.js'
import {regressionsFor} from '../../../src/core/compat/regressions.js'
import type {UpgradePlan} from '../../../src/core/compat/upgrade-plan-types.js'
import {CNI_RELEASE_DATA} from '../../../src/data/cni-releases.generated.js'
import {readSharedData} from '../../helpers/shared-data.js'

interface Shared {
  k8s_oldest_recommended_cni: Record<string, string>
  releases: Array<{version: string}>
}

const shared = readSharedData<Shared>('cni-releases.json')
const versions = shared.releases.map((r) => r.version).sort((a, b) => compareCniVersions(parseCniVersion(a), parseCniVersion(b)))
const v = parseCniVersion
const atLeast = (a: string, b: string) => compareCniVersions(v(a), v(b)) >= 0
/** Latest patch per minor, computed from the shared data rather than from the product. */
const latestPatch = new Map<number, string>()
for (const version of versions) latestPatch.set(v(version).minor, version)

/** Every rule of the issue, checked on one plan. */
function assertPathRules(plan: UpgradePlan, label: string): void {
  if (plan.from === plan.to) return assert.is(plan.steps.length, 0, label)
  assert.is(plan.steps[0].from, plan.from, `${label}: starts at from`)
  assert.is(plan.steps.at(-1)?.to, plan.to, `${label}: ends at the target`)
  plan.steps.forEach((step, i) => {
    if (i > 0) assert.is(step.from, plan.steps[i - 1].to, `${label}: steps chain`)
    assert.ok(compareCniVersions(v(step.to), v(step.from)) > 0, `${label}: ${step.from} → ${step.to} goes up`)
    assert.ok(v(step.to).minor - v(step.from).minor <= 1, `${label}: ${step.from} → ${step.to} skips no minor`)
    if (i < plan.steps.length - 1) {
      assert.is(step.to, latestPatch.get(v(step.to).minor), `${label}: intermediate hop ${step.to} is the latest patch`)
      const k8s = plan.kubernetesVersion ? parseKubernetesVersion(plan.kubernetesVersion) : undefined
      assert.equal(regressionsFor(v(step.to), CNI_RELEASE_DATA, k8s), [], `${label}: ${step.to} has no known regression`)
    }
  })
  if (!atLeast(plan.from, 'v1.7.0') && atLeast(plan.to, 'v1.12.0')) {
    const gate = plan.steps.findIndex((s) => v(s.to).minor === 7)
    const first112 = plan.steps.findIndex((s) => atLeast(s.to, 'v1.12.0'))
    assert.ok(gate !== -1 && gate < first112, `${label}: v1.7.x before v1.12.0`)
  }
}

function assertClusterPlacement(plan: UpgradePlan, label: string): void {
  const upgrade = plan.clusterUpgrade
  if (!upgrade) return
  const cniAt = (stepsDone: number) => (stepsDone === 0 ? plan.from : plan.steps[stepsDone - 1].to)
  if (!atLeast(plan.from, 'v1.8.0')) return assert.is(upgrade.afterStep, plan.steps.length, `${label}: below v1.8.0 every CNI step first`)
  const minimum = shared.k8s_oldest_recommended_cni[upgrade.to] ?? shared.k8s_oldest_recommended_cni['1.33']
  assert.ok(atLeast(cniAt(upgrade.afterStep), minimum), `${label}: CNI meets ${minimum} before the control plane moves`)
  if (upgrade.afterStep > 0) assert.not.ok(atLeast(cniAt(upgrade.afterStep - 1), minimum), `${label}: and no later than needed`)
  plan.steps.forEach((s, i) => assert.is(s.kubernetesVersion, i < upgrade.afterStep ? plan.kubernetesVersion : upgrade.to, `${label}: step ${i + 1} Kubernetes`))
}

const paths = suite('planUpgrade: path rules on every (from, to) pair')

paths('all pairs of known releases', () => {
  let count = 0
  for (const [i, from] of versions.entries()) {
    for (const to of versions.slice(i)) {
      assertPathRules(planUpgrade({cniVersion: from, to}, CNI_RELEASE_DATA), `${from}→${to}`)
      count++
    }
  }

  assert.is(count, (versions.length * (versions.length + 1)) / 2)
})

paths('with Kubernetes versions and targets: rules and control-plane placement', () => {
  const k8s = ['1.23', '1.25', '1.26', '1.29', '1.33']
  let planned = 0
  for (const from of versions.filter((_, i) => i % 3 === 0)) {
    for (const [i, current] of k8s.entries()) {
      for (const target of [undefined, ...k8s.slice(i + 1), '1.36']) {
        const request: UpgradeRequest = {cniVersion: from, kubernetesTarget: target, kubernetesVersion: current}
        let plan: UpgradePlan
        try {
          plan = planUpgrade(request, CNI_RELEASE_DATA)
        } catch {
          continue // the default target is older than `from`: bad input, tested below
        }

        const label = `${from} on ${current}${target ? `→${target}` : ''}`
        assertPathRules(plan, label)
        assertClusterPlacement(plan, label)
        planned++
      }
    }
  }

  assert.ok(planned > 300, `planned ${planned}`)
})

const cases = suite('planUpgrade: named cases')

cases('v1.6.3 → v1.21.1 goes through v1.7.10 and every minor', () => {
  const plan = planUpgrade({cniVersion: 'v1.6.3', to: 'v1.21.1'}, CNI_RELEASE_DATA)
  assert.equal(plan.steps.map((s) => s.to), ['v1.7.10', 'v1.8.0', 'v1.9.3', 'v1.10.4', 'v1.11.5', 'v1.12.6', 'v1.13.4', 'v1.14.1', 'v1.15.5', 'v1.16.4', 'v1.17.1', 'v1.18.6', 'v1.19.6', 'v1.20.5', 'v1.21.1'])
  assert.ok(plan.steps[0].notes.some((n) => n.kind === 'rule' && n.text.startsWith('min-1.7-before-1.12')))
})

cases('--to defaults to the EKS-recommended add-on, with its eksbuild in the managed command', () => {
  const plan = planUpgrade({cniVersion: 'v1.20.5', kubernetesVersion: '1.31'}, CNI_RELEASE_DATA)
  assert.is(plan.to, 'v1.21.1')
  assert.ok(plan.steps[0].commands.some((c) => c.command.includes('--addon-version v1.21.1-eksbuild.8 --resolve-conflicts PRESERVE')))
})

cases('a patch upgrade within one minor is one step; already there is none', () => {
  assert.equal(planUpgrade({cniVersion: 'v1.16.0', to: 'v1.16.4'}, CNI_RELEASE_DATA).steps.map((s) => s.to), ['v1.16.4'])
  assert.is(planUpgrade({cniVersion: 'v1.21.1-eksbuild.8', kubernetesVersion: '1.30'}, CNI_RELEASE_DATA).steps.length, 0)
})

cases('a CNI already above the default target has nothing to do (exit 0); a target the user names must not be older', () => {
  const plan = planUpgrade({cniVersion: 'v1.22.4', kubernetesVersion: '1.31'}, CNI_RELEASE_DATA)
  assert.is(plan.to, 'v1.22.4')
  assert.equal(plan.steps, [])
  assert.ok(plan.warnings.some((w) => w.includes('already at or above v1.21.1')))
  assert.throws(() => planUpgrade({cniVersion: 'v1.22.4', to: 'v1.21.1'}, CNI_RELEASE_DATA), /older than the current/)
})

cases('a running CNI newer than the data: nothing to plan towards the default target, bad input towards a named one', () => {
  const plan = planUpgrade({cniVersion: 'v1.23.1', kubernetesTarget: '1.32', kubernetesVersion: '1.31'}, CNI_RELEASE_DATA)
  assert.equal(plan.steps, [])
  assert.is(plan.clusterUpgrade?.afterStep, 0)
  assert.ok(plan.warnings.some((w) => w.includes('newer than the newest release vpccni knows')))
  assert.throws(() => planUpgrade({cniVersion: 'v1.23.1', to: 'v1.23.0'}, CNI_RELEASE_DATA), /newer than the newest release/)
})

cases('v1.22 → v1.23: avoided patches, the IAM permission, the probe and agent coupling', () => {
  const plan = planUpgrade({cniVersion: 'v1.21.2', installKind: 'self-managed', to: 'v1.23.0'}, CNI_RELEASE_DATA)
  assert.equal(plan.steps.map((s) => s.to), ['v1.22.4', 'v1.23.0'])
  const [first, last] = plan.steps.map((s) => s.notes.map((n) => n.text).join('\n'))
  assert.match(first, /avoids v1\.22\.1: aws-node hangs/)
  assert.match(first, /avoids v1\.22\.0/)
  assert.match(last, /ec2:DescribeSecurityGroups \(v1\.23\.0\)/)
  assert.match(last, /probes change: -addr=:50051 → -addr=unix:\/\/\/var\/run\/aws-node\/ipamd\.sock/)
  assert.match(last, /network policy agent v1\.4\.0 → v1\.4\.1/)
  assert.match(last, /update both containers together/)
  assert.ok(plan.steps[1].commands.some((c) => c.command === 'kubectl apply -f https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s/v1.23.0/config/master/aws-k8s-cni.yaml'))
})

cases('a target with a known regression is kept, with a warning', () => {
  const plan = planUpgrade({cniVersion: 'v1.15.5', to: 'v1.16.3'}, CNI_RELEASE_DATA)
  assert.is(plan.to, 'v1.16.3')
  assert.match(plan.warnings.join('\n'), /known regression: v1\.16\.3: high CPU/)
})

paths.run()
cases.run()
