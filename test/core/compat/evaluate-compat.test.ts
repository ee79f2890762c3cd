import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {evaluateCompat} from '../../../src/core/compat/evaluate-compat.js'
import {parseKubernetesVersion} from '../../../src/core/compat/kubernetes-version.js'
import {CNI_RELEASE_DATA} from '../../../src/data/cni-releases.generated.js'
import {UserError} from '../../../src/errors.js'

const verdicts = suite('evaluateCompat: known pairs')

const check = (cniVersion: string, kubernetesVersion: string) => evaluateCompat({cniVersion, kubernetesVersion}, CNI_RELEASE_DATA)

const cases: Array<[string, string, boolean, string[]]> = [
  // CNI, Kubernetes, compatible, every rule reported as an error or a warning
  ['v1.11.4', '1.26', false, ['kubernetes-minimum', 'k8s-1.26-needs-1.12', 'eks-recommended']],
  ['v1.16.0', '1.23', false, ['known-broken:v1.16-cni-spec-1.0', 'eks-recommended']],
  ['v1.16.0', '1.24', true, ['eks-recommended']],
  ['v1.16.2', '1.23', true, ['eks-recommended']],
  ['v1.12.0', '1.26', true, ['eks-recommended']],
  ['v1.21.1', '1.36', true, ['kubernetes-newer-than-data']],
  ['v1.21.1-eksbuild.8', 'v1.29.4-eks-1a2b3c4', true, []],
  ['v1.13.4', '1.28', true, ['eks-recommended']],
  ['v1.13.3', '1.28', false, ['kubernetes-minimum', 'eks-recommended']],
  ['v1.7.10', '1.23', false, ['kubernetes-minimum', 'pre-cluster-upgrade-1.8', 'eks-recommended']],
  ['v1.8.0', '1.23', true, ['eks-recommended']],
  ['v1.16.3', '1.30', true, ['known-regression:v1.16.3-livelock', 'eks-recommended']],
  ['v1.19.4', '1.31', true, ['known-regression:v1.19.4-node-init', 'eks-recommended']],
  ['v1.22.1', '1.33', true, ['known-regression:v1.22.1-describe-security-groups']],
  ['v1.23.0', '1.33', true, []],
]

for (const [cni, k8s, compatible, rules] of cases) {
  verdicts(`${cni} on ${k8s} → ${compatible ? 'compatible' : 'incompatible'}`, () => {
    const report = check(cni, k8s)
    assert.is(report.compatible, compatible)
    const flagged = report.reasons.filter((r) => r.severity !== 'info').map((r) => r.rule)
    assert.equal(flagged.sort(), [...rules].sort())
    for (const reason of report.reasons) assert.ok(reason.source.length > 10, `${reason.rule} cites a source`)
  })
}

verdicts('the JSON fields the contract names, and the minimum and recommendation applied', () => {
  const report = check('v1.12.0', '1.26')
  assert.is(report.schemaVersion, 1)
  assert.is(report.minimumCni, 'v1.12.0')
  assert.is(report.recommendedAddon, 'v1.19.0-eksbuild.1')
  assert.equal(report.warnings, [report.reasons.find((r) => r.rule === 'eks-recommended')?.message])
})

verdicts('a Kubernetes version outside every table (1.2, 1.22, 1.40) is unknown, not compatible, and borrows no table row', () => {
  for (const k8s of ['1.2', '1.5', '1.22', '1.37', '1.40', '1.99']) {
    const report = check('v1.20.0', k8s)
    assert.is(report.verdict, 'unknown', k8s)
    assert.is(report.compatible, false, k8s)
    assert.is(report.minimumCni, null)
    assert.is(report.recommendedAddon, null)
    assert.match(report.warnings.join('\n'), new RegExp(`Kubernetes ${k8s.replace('.', '\\.')} is outside what vpccni's data covers \\(Kubernetes 1\\.23–1\\.36\\)`))
    assert.not.match(JSON.stringify(report), /Kubernetes 1\.3[36]\b/)
  }

  // A rule that holds for any Kubernetes version still makes it incompatible.
  assert.is(check('v1.11.4', '1.40').verdict, 'incompatible')
  assert.is(check('v1.20.0', '1.23').verdict, 'compatible')
  assert.is(check('v1.20.0', '1.36').verdict, 'compatible')
})

verdicts('a CNI version past 2^53 or outside v1 is bad input, not "compatible: v1.Infinity.0"', () => {
  const bad = (cni: string, pattern: RegExp) => assert.throws(() => check(cni, '1.30'), (e: unknown) => e instanceof UserError && pattern.test(e.message))
  bad('v1.99999999999999999999.0', /too large to be a version/)
  bad('v1.9007199254740993.0', /too large/)
  bad('v2.0.0', /not a v1 release/)
  bad('v0.9.0', /not a v1 release/)
  assert.throws(() => check('v1.20.0', '1.99999999999999999999'), (e: unknown) => e instanceof UserError && /too large to be a version/.test(e.message))
  assert.throws(() => check('v1.20.0', `1.${'x'.repeat(5000)}`), (e: unknown) => e instanceof UserError && e.message.length < 120)
  assert.is(check('v1.99.0', '1.30').verdict, 'compatible')
  assert.match(check('v1.99.0', '1.30').warnings.join('\n'), /v1\.99\.0 is newer than the newest release vpccni knows \(v1\.23\.0\)/)
})

verdicts('a Kubernetes version beyond the minimum table (1.34 and on) is a warning that the newest known minimum applies', () => {
  const report = check('v1.21.1', '1.35')
  assert.is(report.compatible, true)
  const reason = report.reasons.find((r) => r.rule === 'kubernetes-newer-than-data')
  assert.is(reason?.severity, 'warning')
  assert.match(reason?.message ?? '', /newest known minimum, v1\.17\.1 for 1\.33, applies/)
})

verdicts('a CNI newer than the data is checked against the floors, with a warning', () => {
  const report = check('v1.24.3', '1.30')
  assert.ok(report.compatible)
  assert.ok(report.reasons.some((r) => r.rule === 'cni-newer-than-data' && r.severity === 'warning'))
})

verdicts('network policy needs v1.14.0 and Kubernetes 1.25', () => {
  const np = (cni: string, k8s: string) => check(cni, k8s).features.find((f) => f.id === 'network-policy')?.available
  assert.is(np('v1.14.0', '1.25'), true)
  assert.is(np('v1.14.0', '1.24'), false)
  assert.is(np('v1.13.4', '1.28'), false)
})

verdicts('bad input is a UserError naming the nearest known releases', () => {
  const bad = (cni: string, k8s: string, pattern: RegExp) =>
    assert.throws(() => check(cni, k8s), (e: unknown) => e instanceof UserError && pattern.test(`${e.message}; ${e.hint}`))
  bad('v1.11.1', '1.25', /v1\.11\.1 is not a known VPC CNI release; nearest known: v1\.11\.0, v1\.11\.2/)
  bad('v1.4.0', '1.25', /nearest known: v1\.5\.0/)
  bad('banana', '1.25', /malformed CNI version/)
  bad('v1.20.0', '2.1', /malformed Kubernetes version/)
  bad('v1.20.0', 'latest', /malformed Kubernetes version/)
})

const k8s = suite('parseKubernetesVersion')

k8s('accepts 1.30, v1.30, 1.30.4 and EKS server versions', () => {
  for (const input of ['1.30', 'v1.30', '1.30.4', 'v1.30.4-eks-a737599', 'v1.30.14+k3s1']) assert.is(parseKubernetesVersion(input).text, '1.30', input)
})

verdicts.run()
k8s.run()
