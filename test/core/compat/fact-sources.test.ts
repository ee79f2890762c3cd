import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {cniVersionFromImage, installKindFromAddon} from '../../../src/core/compat/fact-sources.js'

const test = suite('facts read from the cluster')

test('the CNI version is the aws-node image tag, eksbuild suffix kept', () => {
  assert.is(cniVersionFromImage('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0-eksbuild.1'), 'v1.19.0-eksbuild.1')
  assert.is(cniVersionFromImage('registry.local:5000/amazon-k8s-cni:v1.23.1'), 'v1.23.1')
  assert.is(cniVersionFromImage('amazon-k8s-cni:1.18.6@sha256:0f1e2d3c'), '1.18.6')
})

test('a tag that names no version, or no tag, gives none', () => {
  for (const image of ['amazon-k8s-cni:latest', 'registry.local:5000/amazon-k8s-cni', 'amazon-k8s-cni@sha256:0f1e2d3c', '']) {
    assert.is(cniVersionFromImage(image), undefined, image)
  }
})

test('install kind: add-on present → managed, absent → self-managed, EKS not answering → unknown with a note', () => {
  assert.is(installKindFromAddon({available: true, value: {addonVersion: 'v1.19.0-eksbuild.1'}}).kind, 'managed')
  assert.is(installKindFromAddon({available: true, value: null}).kind, 'self-managed')
  const unknown = installKindFromAddon({available: false, call: 'eks:DescribeAddon', permission: 'eks:DescribeAddon', reason: 'eks:DescribeAddon: permission denied'})
  assert.is(unknown.kind, undefined)
  assert.is(unknown.source.value, null)
  assert.is(unknown.note, 'install kind unknown: eks:DescribeAddon: permission denied (needs eks:DescribeAddon); pass --install to say it')
})

test.run()
