import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {recommendedAddonFor} from '../../../src/core/compat/kubernetes-tables.js'
import {parseKubernetesVersion} from '../../../src/core/compat/kubernetes-version.js'
import {planUpgrade} from '../../../src/core/compat/plan-upgrade.js'
import {knownAddonVersion, manifestUrl} from '../../../src/core/compat/step-commands.js'
import {CNI_RELEASE_DATA} from '../../../src/data/cni-releases.generated.js'

const release = (version: string) => {
  const found = CNI_RELEASE_DATA.releases.find((r) => r.version === version)
  if (!found) throw new Error(version)
  return found
}

const commands = suite('step commands')

commands('the release manifest per region and per era of the repository layout', () => {
  const base = 'https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s'
  assert.is(manifestUrl(release('v1.19.2')), `${base}/v1.19.2/config/master/aws-k8s-cni.yaml`)
  assert.is(manifestUrl(release('v1.19.2'), 'cn-northwest-1'), `${base}/v1.19.2/config/master/aws-k8s-cni-cn.yaml`)
  assert.is(manifestUrl(release('v1.19.2'), 'us-gov-west-1'), `${base}/v1.19.2/config/master/aws-k8s-cni-us-gov-west-1.yaml`)
  assert.is(manifestUrl(release('v1.19.2'), 'eu-west-1'), `${base}/v1.19.2/config/master/aws-k8s-cni.yaml`)
  assert.is(manifestUrl(release('v1.7.10'), 'cn-north-1'), `${base}/v1.7.10/config/v1.7/aws-k8s-cni-cn.yaml`)
  assert.is(manifestUrl(release('v1.6.3'), 'cn-north-1'), `${base}/v1.6.3/config/v1.6/aws-k8s-cni.yaml`)
})

commands('add-on names: offered builds first, then the embedded EKS tables, else unknown', () => {
  assert.is(knownAddonVersion('v1.21.1', CNI_RELEASE_DATA), 'v1.21.1-eksbuild.8')
  assert.is(knownAddonVersion('v1.20.1', CNI_RELEASE_DATA), 'v1.20.1-eksbuild.3')
  assert.is(knownAddonVersion('v1.13.4', CNI_RELEASE_DATA), undefined)
  assert.is(knownAddonVersion('v1.13.4', CNI_RELEASE_DATA, ['v1.13.4-eksbuild.1', 'v1.13.4-eksbuild.3']), 'v1.13.4-eksbuild.3')
  assert.is(knownAddonVersion('v1.21.1', CNI_RELEASE_DATA, ['v1.21.1-eksbuild.2']), 'v1.21.1-eksbuild.2')
})

commands('addonVersions from the cluster facts (the live layer) and a pinned --to build reach update-addon', () => {
  const plan = planUpgrade({addonVersions: ['v1.13.4-eksbuild.2'], cniVersion: 'v1.12.6', to: 'v1.14.1-eksbuild.5'}, CNI_RELEASE_DATA)
  const updates = plan.steps.flatMap((s) => s.commands.filter((c) => c.command.startsWith('aws eks update-addon')).map((c) => c.command))
  assert.match(updates[0], /--addon-version v1\.13\.4-eksbuild\.2 /)
  assert.match(updates[1], /--addon-version v1\.14\.1-eksbuild\.5 /)
  assert.not.ok(plan.steps.some((s) => s.commands.some((c) => c.command.startsWith('aws eks describe-addon-versions'))))
})

commands('self-managed steps: back up, apply the manifest, re-apply env, wait for the rollout', () => {
  const plan = planUpgrade({cniVersion: 'v1.18.6', installKind: 'self-managed', to: 'v1.19.6'}, CNI_RELEASE_DATA)
  assert.equal(
    plan.steps[0].commands.map((c) => c.command.split(' ').slice(0, 3).join(' ')),
    ['kubectl get ds', 'kubectl apply -f', 'kubectl set env', 'kubectl rollout status'],
  )
})

const tables = suite('recommendedAddonFor')

tables('the embedded table for 1.29–1.36, dated EKS docs below it, the newest beyond it, nothing before 1.23', () => {
  const rec = (k: string) => recommendedAddonFor(parseKubernetesVersion(k), CNI_RELEASE_DATA)
  assert.is(rec('1.29').value, 'v1.21.1-eksbuild.8')
  assert.is(rec('1.36').value, 'v1.21.1-eksbuild.8')
  assert.is(rec('1.28').value, 'v1.20.1-eksbuild.3')
  assert.is(rec('1.23').value, 'v1.18.5-eksbuild.1')
  assert.match(rec('1.23').source, /EKS docs table as of/)
  assert.is(rec('1.40').position, 'newer')
  assert.is(rec('1.40').value, 'v1.21.1-eksbuild.8')
  assert.is(rec('1.22').value, undefined)
})

commands.run()
tables.run()
