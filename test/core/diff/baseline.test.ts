import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {buildBaseline} from '../../../src/core/diff/build-baseline.js'
import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import {detectRunningVersion} from '../../../src/core/diff/running-version.js'
import {isSameImage, isSameValue} from '../../../src/core/diff/value-equivalence.js'
import {DIFF_REFERENCE_DATA as DATA} from '../../../src/data/diff-reference.js'
import {readSharedData} from '../../helpers/shared-data.js'

type Json = Record<string, any>

const test = suite('baseline')

test('the embedded data covers every release of the shared data, plus the manifest snapshot', () => {
  const shared = readSharedData<{releases: Array<{version: string}>}>('cni-releases.json')
  assert.equal(DATA.releases.map((r) => r.version), [...shared.releases.map((r) => r.version), DATA.template.version])
  const names = readSharedData<Array<{name: string}>>('aws-node-env-vars.json').map((v) => v.name)
  assert.equal(DATA.envVars.map((v) => v.name), names)
})

test('every release compared with its own baseline has no change (no false drift from the data)', () => {
  for (const release of DATA.releases) {
    const {object} = buildBaseline(release.version, release, DATA)
    const r = buildDiffReport({daemonSet: object}, DATA)
    assert.equal(r.changes, [], release.version)
    assert.is(r.cniVersion.baseline, release.version)
  }
})

test('per-release facts: containers, pull policy, probe address, env membership', () => {
  const pod = (version: string): Json => {
    const release = DATA.releases.find((r) => r.version === version)!
    return (buildBaseline(version, release, DATA).object as Json).spec.template.spec
  }

  const old = pod('v1.12.0')
  assert.equal(old.containers.map((c: Json) => c.name), ['aws-node'])
  assert.ok(old.containers[0].env.some((e: Json) => e.name === 'AWS_VPC_K8S_CNI_CONFIGURE_RPFILTER'))
  assert.not.ok(old.containers[0].env.some((e: Json) => e.name === 'VPC_CNI_VERSION'))
  assert.ok(old.containers[0].livenessProbe.exec.command.includes('-addr=:50051'))
  const v22 = pod('v1.22.4')
  assert.is(v22.initContainers[0].imagePullPolicy, 'Always')
  assert.match(v22.containers[1].image, /amazon\/aws-network-policy-agent:v1\.4\.0$/)
  const v23 = pod('v1.23.0')
  assert.is(v23.initContainers[0].imagePullPolicy, 'IfNotPresent')
  assert.is(v23.containers[0].env.find((e: Json) => e.name === 'VPC_CNI_VERSION').value, 'v1.23.0')
})

test('the running version comes from the label first, then VPC_CNI_VERSION, then the image tag', () => {
  const ds = (labels: Json, env: Json[], image: string): Json => ({metadata: {labels}, spec: {template: {spec: {containers: [{env, image, name: 'aws-node'}]}}}})
  const image = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1'
  assert.is(detectRunningVersion(ds({'app.kubernetes.io/version': 'v1.20.0'}, [], image), DATA.releases, 'v1.23.1').running, 'v1.20.0')
  assert.is(detectRunningVersion(ds({}, [{name: 'VPC_CNI_VERSION', value: 'v1.18.0'}], image), DATA.releases, 'v1.23.1').running, 'v1.18.0')
  const fromImage = detectRunningVersion(ds({}, [], image), DATA.releases, 'v1.23.1')
  assert.equal([fromImage.running, fromImage.source, fromImage.release.version], ['v1.19.2', 'aws-node image tag', 'v1.19.2'])
  assert.is(detectRunningVersion(ds({}, [], 'x/amazon-k8s-cni:v1.19.1'), DATA.releases, 'v1.23.1').release.version, 'v1.19.0', 'nearest older release')
  assert.throws(() => detectRunningVersion(ds({}, [], 'amazon-k8s-cni:latest'), DATA.releases, 'v1.23.1'), /cannot tell the VPC CNI version/)
})

test('images: EKS registries in any region and eksbuild tags are the same image; a mirror or another release is not', () => {
  const upstream = '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1'
  assert.ok(isSameImage('602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.23.1-eksbuild.1', upstream))
  assert.ok(isSameImage('961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon-k8s-cni:v1.23.1', upstream))
  assert.not.ok(isSameImage('602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.23.0-eksbuild.1', upstream))
  assert.not.ok(isSameImage('registry.example.com/amazon-k8s-cni:v1.23.1', upstream))
  assert.ok(isSameValue('.metadata.labels.app.kubernetes.io/version', 'v1.23.1-eksbuild.2', 'v1.23.1'))
  assert.ok(isSameValue('.x', {b: 1, a: [1, 2]}, {a: [1, 2], b: 1}), 'map key order does not matter')
  assert.not.ok(isSameValue('.x', [1, 2], [2, 1]), 'list order does')
})

test.run()
