import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'
import {parse} from 'yaml'

import {buildBaseline} from '../../../src/core/diff/build-baseline.js'
import {buildDiffReport} from '../../../src/core/diff/build-diff-report.js'
import {detectRunningVersion} from '../../../src/core/diff/running-version.js'
import {isSameImage, isSameValue} from '../../../src/core/diff/value-equivalence.js'
import {DIFF_REFERENCE_DATA as DATA} from '../../../src/data/diff-reference.js'
import {projectRoot} from '../../helpers/run-command.js'
import {readSharedData} from '../../helpers/shared-data.js'

type Json = Record<string, any>

const test = suite('baseline')

test('the embedded DaemonSets are the 88 tag DaemonSets of the shared data, exactly (no untagged manifest: one release horizon)', () => {
  const index = readSharedData<{tags: Array<{file: null | string; tag: string}>}>('aws-node-daemonsets/index.json')
  const tags = index.tags.filter((t) => t.file).map((t) => t.tag)
  assert.is(tags.length, 88)
  assert.equal([...DATA.baselines.keys()], tags)
  for (const tag of tags) {
    const shipped = parse(readFileSync(join(projectRoot, '../shared/data/aws-node-daemonsets', `${tag}.yaml`), 'utf8'))
    assert.equal(DATA.baselines.get(tag), shipped, tag)
  }

  const names = readSharedData<Array<{name: string}>>('aws-node-env-vars.json').map((v) => v.name)
  assert.equal(DATA.envVars.map((v) => v.name), names)
})

const pod = (version: string): Json => {
  const running = detectRunningVersion({metadata: {labels: {'app.kubernetes.io/version': version}}}, DATA.baselines)
  return (buildBaseline(running, DATA).object as Json).spec.template.spec
}

test('pull policies as the API server stores them: unset (IfNotPresent) v1.10.0–v1.18.3, Always to v1.22.4, IfNotPresent from v1.23.0', () => {
  const policies = (version: string) => [...pod(version).containers, ...(pod(version).initContainers ?? [])].map((c: Json) => `${c.name}=${c.imagePullPolicy}`)
  assert.equal(policies('v1.15.5'), ['aws-node=IfNotPresent', 'aws-eks-nodeagent=IfNotPresent', 'aws-vpc-cni-init=IfNotPresent'])
  assert.equal(policies('v1.18.4').slice(1), ['aws-eks-nodeagent=Always', 'aws-vpc-cni-init=Always'])
  assert.equal(policies('v1.22.4').slice(1), ['aws-eks-nodeagent=Always', 'aws-vpc-cni-init=Always'])
  assert.equal(policies('v1.23.0').slice(1), ['aws-eks-nodeagent=IfNotPresent', 'aws-vpc-cni-init=IfNotPresent'])
  assert.ok(pod('v1.12.0').containers[0].livenessProbe.exec.command.includes('-addr=:50051'))
  assert.is(pod('v1.3.3').containers[0].livenessProbe, undefined)
})

test('a release without a tag DaemonSet (v1.22.0) is the nearest older one in its own images, with a warning', () => {
  const version = detectRunningVersion({metadata: {labels: {'app.kubernetes.io/version': 'v1.22.0'}}}, DATA.baselines)
  assert.equal(version, {release: 'v1.21.2', running: 'v1.22.0', notes: [], source: 'label app.kubernetes.io/version'})
  const {object, unknownValues} = buildBaseline(version, DATA)
  const images = (object as Json).spec.template.spec.containers.map((c: Json) => c.image.split('/').at(-1))
  assert.equal(images[0], 'amazon-k8s-cni:v1.22.0')
  assert.equal([...unknownValues], ['.spec.template.spec.containers[name="aws-eks-nodeagent"].image'])
  const r = buildDiffReport({daemonSet: object}, DATA)
  assert.equal(r.changes, [])
  assert.match(r.warnings.join('\n'), /v1\.22\.0 is a release vpccni has no DaemonSet for: compared with the v1\.21\.2 DaemonSet/)
})

test('the running version comes from the label first, then VPC_CNI_VERSION, then the image tag', () => {
  const ds = (labels: Json, env: Json[], image: string): Json => ({metadata: {labels}, spec: {template: {spec: {containers: [{env, image, name: 'aws-node'}]}}}})
  const image = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1'
  assert.is(detectRunningVersion(ds({'app.kubernetes.io/version': 'v1.20.0'}, [], image), DATA.baselines).running, 'v1.20.0')
  assert.is(detectRunningVersion(ds({}, [{name: 'VPC_CNI_VERSION', value: 'v1.18.0'}], image), DATA.baselines).running, 'v1.18.0')
  const fromImage = detectRunningVersion(ds({}, [], image), DATA.baselines)
  assert.equal([fromImage.running, fromImage.source, fromImage.release], ['v1.19.2', 'aws-node image tag', 'v1.19.2'])
  assert.is(detectRunningVersion(ds({}, [], 'x/amazon-k8s-cni:v1.19.1'), DATA.baselines).release, 'v1.19.0', 'nearest older release')
  assert.throws(() => detectRunningVersion(ds({}, [], 'amazon-k8s-cni:latest'), DATA.baselines), /cannot tell the VPC CNI version/)
})

test('tag manifests that kept the previous release\'s label (v1.20.2 says v1.20.1) are told by all their images', () => {
  const shipped = DATA.baselines.get('v1.20.2')!
  assert.is((shipped.metadata as Json).labels['app.kubernetes.io/version'], 'v1.20.1')
  const version = detectRunningVersion(shipped, DATA.baselines)
  assert.equal([version.running, version.release], ['v1.20.2', 'v1.20.2'])
  // A v1.20.1 install whose aws-node image alone was set to v1.20.2 is still v1.20.1, with the image edited.
  const edited = structuredClone(DATA.baselines.get('v1.20.1')!) as Json
  edited.spec.template.spec.containers[0].image = edited.spec.template.spec.containers[0].image.replace('v1.20.1', 'v1.20.2')
  assert.is(detectRunningVersion(edited, DATA.baselines).running, 'v1.20.1')
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
