import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {parseCniVersion} from '../../src/core/cni-version.js'
import {CNI_RELEASE_DATA} from '../../src/data/cni-releases.generated.js'
import {NEWEST_KNOWN_CNI, RELEASE_SUMMARY} from '../../src/data/release-summary.generated.js'
import {readSharedData} from '../helpers/shared-data.js'

interface SharedReleases {
  k8s_oldest_recommended_cni: Record<string, string>
  releases: Array<{changelog_highlights?: string[]; tag_date: string; version: string}>
}

const test = suite('embedded CNI release data')
const shared = readSharedData<SharedReleases>('cni-releases.json')

test('every release of the shared data is embedded with its date and highlights, sorted by version', () => {
  assert.is(CNI_RELEASE_DATA.releases.length, shared.releases.length)
  for (const raw of shared.releases) {
    const release = CNI_RELEASE_DATA.releases.find((r) => r.version === raw.version)
    assert.ok(release, raw.version)
    assert.is(release.date, raw.tag_date, raw.version)
    assert.equal(release.highlights, raw.changelog_highlights ?? [], raw.version)
  }

  const versions = CNI_RELEASE_DATA.releases.map((r) => parseCniVersion(r.version))
  for (let i = 1; i < versions.length; i++) {
    const [a, b] = [versions[i - 1], versions[i]]
    assert.ok(a.minor < b.minor || (a.minor === b.minor && a.patch < b.patch), `${a.text} before ${b.text}`)
  }

  assert.is(CNI_RELEASE_DATA.releases[0].version, 'v1.5.0')
})

test('NEWEST_KNOWN_CNI follows the data', () => {
  assert.is(NEWEST_KNOWN_CNI, 'v1.23.0')
  assert.is(NEWEST_KNOWN_CNI, CNI_RELEASE_DATA.releases.at(-1)?.version)
  assert.equal(RELEASE_SUMMARY, {generatedAt: CNI_RELEASE_DATA.generatedAt, newest: NEWEST_KNOWN_CNI, oldest: CNI_RELEASE_DATA.releases[0].version})
})

test('the Kubernetes tables: upstream minimums and the EKS-recommended add-on for 1.29 to 1.36', () => {
  const {_source: _, ...minimums} = shared.k8s_oldest_recommended_cni
  assert.equal(CNI_RELEASE_DATA.kubernetesMinimum.table, minimums)
  assert.match(CNI_RELEASE_DATA.kubernetesMinimum.source, /README\.md/)
  const recommended = CNI_RELEASE_DATA.eksRecommended.table
  assert.equal(Object.keys(recommended), ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'])
  assert.ok(Object.values(recommended).every((v) => v === 'v1.21.1-eksbuild.8'))
})

test('feature floors, regressions and IAM changes the issue names, each with a source link', () => {
  const since = Object.fromEntries(CNI_RELEASE_DATA.features.map((f) => [f.id, f.since]))
  assert.equal(
    [since['prefix-delegation'], since.ipv6, since['network-policy'], since['ipam-json-checkpoint'], since['cninode-crd'], since['ipamd-unix-socket']],
    ['v1.9.0', 'v1.10.1', 'v1.14.0', 'v1.12.0', 'v1.15.0', 'v1.23.0'],
  )
  assert.is(CNI_RELEASE_DATA.features.find((f) => f.id === 'network-policy')?.kubernetesAtLeast, '1.25')
  const regressed = CNI_RELEASE_DATA.regressions.map((r) => r.from)
  for (const v of ['v1.5.4', 'v1.13.0', 'v1.16.0', 'v1.16.3', 'v1.19.4', 'v1.22.1']) assert.ok(regressed.includes(v), v)
  assert.ok(CNI_RELEASE_DATA.iamChanges.some((c) => c.permission === 'ec2:DescribeSecurityGroups' && c.since === 'v1.23.0'))
  for (const fact of [...CNI_RELEASE_DATA.features, ...CNI_RELEASE_DATA.regressions, ...CNI_RELEASE_DATA.iamChanges, ...CNI_RELEASE_DATA.rules]) {
    assert.match(fact.source, /https:\/\/|awsdocs|aws-eks-best-practices/, JSON.stringify(fact))
  }
})

test('the v1.23.0 release records the unix-socket probe and network policy agent v1.4.1', () => {
  const release = CNI_RELEASE_DATA.releases.at(-1)
  assert.is(release?.probeAddr, '-addr=unix:///var/run/aws-node/ipamd.sock')
  assert.is(release?.networkPolicyAgent, 'v1.4.1')
})

test('dated EKS docs tables cite the English page, never a translation URL or a crawl note (issue 12 item 22)', () => {
  for (const snapshot of CNI_RELEASE_DATA.eksDocSnapshots) {
    assert.not.match(`${snapshot.asOf} ${snapshot.source}`, /crawl|docs\.aws\.amazon\.com\/[a-z]{2}_[a-z]{2}\//, snapshot.source)
  }

  const translated = CNI_RELEASE_DATA.eksDocSnapshots.filter((s) => s.source.includes('translation'))
  assert.is(translated.length, 2)
  for (const s of translated) assert.ok(s.source.startsWith('EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html'))
})

test.run()
